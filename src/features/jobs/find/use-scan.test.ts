import { describe, expect, it } from 'vitest';
import type { Job } from '../../../../contract/jobs';
import { ApiError } from '../../../lib/api-error';
import type { ParsedJobList } from '../api/parse-list';
import { IDLE_POLL_MS, POLL_MS } from '../api/queries';
import { mergePages, scanInterval } from './use-scan';

const job = (id: string, status = 'SUCCESS') => ({ id, status }) as Job;
const page = (jobs: Job[], total = 250): ParsedJobList => ({ data: jobs, total, broken: [] });

describe('how often a search reads its pages again', () => {
  const first = page([job('new', 'RUNNING'), job('old')]);
  const older = page([job('run', 'RUNNING'), job('done')]);

  it('fast only for a page holding a job on screen that moves by itself', () => {
    expect(scanInterval(0, { data: first, error: null }, new Set(['new']))).toBe(POLL_MS);
    expect(scanInterval(3, { data: older, error: null }, new Set(['run']))).toBe(POLL_MS);
    // Moving, but not on screen (another page of results, or not a match).
    expect(scanInterval(3, { data: older, error: null }, new Set(['done']))).toBe(false);
  });

  it('otherwise the first page once a minute, where new jobs appear, and an older page never', () => {
    expect(scanInterval(0, { data: first, error: null }, new Set())).toBe(IDLE_POLL_MS);
    expect(scanInterval(1, { data: older, error: null }, new Set())).toBe(false);
    expect(scanInterval(1, { error: null }, new Set())).toBe(false);
  });

  it('slowly while the jobs API is retired', () => {
    const gone = new ApiError(410, undefined, undefined, 'Gone');
    expect(scanInterval(0, { data: first, error: gone }, new Set(['new']))).toBe(IDLE_POLL_MS);
  });
});

describe('the pages read, as one list', () => {
  it('keeps the API order and each job once: a job created meanwhile shifts a page by one', () => {
    const merged = mergePages([page([job('c'), job('b')]), page([job('b'), job('a')]), undefined, page([job('z')])]);
    expect(merged.jobs.map((j) => j.id)).toEqual(['c', 'b', 'a']);
  });

  it('counts the items that broke the contract as read', () => {
    const broken = { index: 1, field: 'created_at', message: 'Field required' };
    expect(mergePages([{ ...page([job('a')]), broken: [broken] }]).broken).toBe(1);
  });
});
