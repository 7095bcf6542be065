import { describe, expect, it } from 'vitest';
import { formatRelative } from '../../components/relative-time';
import { isoToLocalInput, localInputToIso } from './dates';
import { formatCost, formatDuration, jobTitle, listProgress, shortId } from './format';
import { pageRange } from './pagination';

describe('formatDuration', () => {
  it('shows at most two units', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(400)).toBe('6 min 40 s');
    expect(formatDuration(7_500)).toBe('2 h 5 min');
    expect(formatDuration(90_061)).toBe('1 d 1 h');
  });
});

describe('formatCost', () => {
  it('uses the currency the API names, and survives an unknown code', () => {
    expect(formatCost(3.28, 'EUR')).toMatch(/3[.,]28/);
    expect(formatCost(3.28, 'EUR')).toMatch(/€|EUR/);
    expect(formatCost(2, 'not a currency')).toBe('2.00 not a currency');
    expect(formatCost(2, null)).toBe('2.00');
  });
});

describe('shortId', () => {
  // The first eight characters: the first block of a UUID, at most eight of any other id.
  it.each([
    { id: '20178c3c-1111-2222-3333-444455556666', short: '20178c3c' },
    { id: '0123456789abcdef', short: '01234567' },
    { id: 'no-such-job', short: 'no-such-' },
    { id: 'j1', short: 'j1' },
  ])('shortens $id to $short', ({ id, short }) => expect(shortId(id)).toBe(short));
});

describe('jobTitle', () => {
  const id = '20178c3c-1111-2222-3333-444455556666';
  it('prefers the suffix the user chose, then the fine-tuned model, then the short id', () => {
    expect(jobTitle({ id, fine_tuned_model: 'ft:open-mistral-7b:b6e34a5e:20240719:20178c3c', suffix: 's' })).toBe('s');
    expect(jobTitle({ id, fine_tuned_model: 'ft:open-mistral-7b:b6e34a5e:20240719:20178c3c', suffix: null })).toBe(
      'ft:open-mistral-7b:b6e34a5e:20240719:20178c3c',
    );
    expect(jobTitle({ id, fine_tuned_model: null, suffix: 'support' })).toBe('support');
    expect(jobTitle({ id, fine_tuned_model: null, suffix: '' })).toBe('Job 20178c3c');
  });
});

describe('listProgress', () => {
  it('shows the most useful number each status has', () => {
    const at = { modified_at: 1_700_000_000 };
    expect(listProgress({ ...at, status: 'SUCCESS', trained_tokens: 6_553_600, metadata: null })).toMatch(
      /^6\.6M tokens trained$/,
    );
    expect(
      listProgress({
        ...at,
        status: 'VALIDATED',
        trained_tokens: null,
        metadata: { cost: 3.28, cost_currency: 'EUR' },
      }),
    ).toMatch(/^Awaiting start · .*3[.,]28/);
    const running = {
      ...at,
      status: 'RUNNING',
      trained_tokens: null,
      metadata: { expected_duration_seconds: 400 },
    } as const;
    // Time left, which moves: never the planned total.
    expect(listProgress(running, 1_700_000_000)).toBe('Training · est. 6 min 40 s left');
    expect(listProgress(running, 1_700_000_100)).toBe('Training · est. 5 min left');
    expect(listProgress(running, 1_700_000_500)).toBe('Training · finishing');
    expect(listProgress({ ...at, status: 'FAILED', trained_tokens: null, metadata: null })).toBe('—');
  });
});

describe('formatRelative', () => {
  const now = Date.UTC(2025, 3, 16, 12, 0, 0);
  it('rounds to the largest sensible unit', () => {
    expect(formatRelative(now / 1000 - 10, now)).toBe('just now');
    expect(formatRelative(now / 1000 - 5 * 60, now)).toBe('5 minutes ago');
    expect(formatRelative(now / 1000 - 3 * 3600, now)).toBe('3 hours ago');
    expect(formatRelative(now / 1000 + 2 * 3600, now)).toBe('in 2 hours');
  });
});

describe('datetime-local ↔ ISO', () => {
  it('round-trips through the local zone', () => {
    const iso = localInputToIso('2025-04-16T09:30');
    expect(iso).toMatch(/^2025-04-1\dT\d\d:30:00\.000Z$/);
    expect(isoToLocalInput(iso)).toBe('2025-04-16T09:30');
  });
  it('treats empty or broken values as unset', () => {
    expect(localInputToIso('')).toBeUndefined();
    expect(localInputToIso('2025-04')).toBeUndefined();
    expect(isoToLocalInput('nonsense')).toBe('');
  });
});

describe('pageRange', () => {
  it('gives "41–60 of 213" for the third page of 20', () => {
    expect(pageRange(2, 20, 20, 213)).toMatchObject({
      from: 41,
      to: 60,
      hasPrevious: true,
      hasNext: true,
      lastPage: 10,
    });
  });
  it('knows the last page and a page past the end', () => {
    expect(pageRange(10, 20, 13, 213)).toMatchObject({ from: 201, to: 213, hasNext: false });
    expect(pageRange(50, 20, 0, 213)).toMatchObject({ pastEnd: true, from: 0 });
    expect(pageRange(0, 20, 0, 0)).toMatchObject({ pastEnd: false, hasNext: false, hasPrevious: false });
  });
});
