import { describe, expect, it } from 'vitest';
import type { JobEvent } from '../../../contract/jobs';
import { eventDetails, eventLabel, eventStatus, sortEvents } from './events';

const ev = (status: string, created_at: number, extra: Record<string, unknown> = {}): JobEvent => ({
  name: 'status-updated',
  created_at,
  data: { status, ...extra },
});
const statuses = (events: JobEvent[]) => events.map(eventStatus);

describe('sortEvents', () => {
  const oldestFirst = [ev('QUEUED', 100), ev('VALIDATING', 100), ev('VALIDATED', 130), ev('RUNNING', 140)];

  it('orders by time, newest first by default', () => {
    expect(statuses(sortEvents(oldestFirst))).toEqual(['RUNNING', 'VALIDATED', 'VALIDATING', 'QUEUED']);
    expect(statuses(sortEvents(oldestFirst, 'oldest'))).toEqual(['QUEUED', 'VALIDATING', 'VALIDATED', 'RUNNING']);
  });

  it('gives the same order whichever way the API listed them, ties included', () => {
    const newestFirst = [...oldestFirst].reverse();
    expect(sortEvents(newestFirst)).toEqual(sortEvents(oldestFirst));
  });

  it('does not change the array it was given', () => {
    const input = [...oldestFirst];
    sortEvents(input);
    expect(input).toEqual(oldestFirst);
  });
});

describe('event fields', () => {
  it('reads the status and keeps other data as text', () => {
    const failed = ev('FAILED_VALIDATION', 1, { error: 'No "labels" key', lines: [3, 4] });
    expect(eventStatus(failed)).toBe('FAILED_VALIDATION');
    expect(eventDetails(failed)).toEqual([
      ['error', 'No "labels" key'],
      ['lines', '[3,4]'],
    ]);
  });

  it('copes with events without data (2024 API)', () => {
    const bare: JobEvent = { name: 'status-updated', created_at: 1 };
    expect(eventStatus(bare)).toBeUndefined();
    expect(eventDetails(bare)).toEqual([]);
    expect(eventLabel(bare.name)).toBe('Status updated');
  });
});
