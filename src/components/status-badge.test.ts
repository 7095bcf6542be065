import { describe, expect, it } from 'vitest';
import { canCancel, canStart, isTerminal, JOB_STATUSES } from '../../contract/jobs';
import { STATUS_INFO, statusInfo } from './status-badge';

describe('status rules', () => {
  it('allows start only on a validated job', () => {
    expect(JOB_STATUSES.filter(canStart)).toEqual(['VALIDATED']);
  });

  it('allows cancel on every active status except a cancellation already requested', () => {
    expect(JOB_STATUSES.filter(canCancel)).toEqual(['QUEUED', 'STARTED', 'VALIDATING', 'VALIDATED', 'RUNNING']);
    expect(canCancel('SOMETHING_NEW')).toBe(true);
  });

  it('treats an unknown status as active, so it keeps being polled', () => {
    expect(isTerminal('SOMETHING_NEW')).toBe(false);
  });
});

describe('status table', () => {
  it('gives every known status a distinct label and an icon', () => {
    const labels = JOB_STATUSES.map((s) => STATUS_INFO[s].label);
    expect(new Set(labels).size).toBe(JOB_STATUSES.length);
    for (const s of JOB_STATUSES) expect(STATUS_INFO[s].icon).not.toBe('');
  });

  it('shows an unknown status as sent, in a neutral tone', () => {
    expect(statusInfo('PAUSED')).toMatchObject({ label: 'PAUSED', tone: 'neutral' });
    expect(statusInfo('FAILED_VALIDATION')).toMatchObject({ label: 'Failed validation', tone: 'danger' });
  });
});
