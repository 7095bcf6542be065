import { describe, expect, it } from 'vitest';
import type { Job } from '../../../../contract/jobs';
import { ACTIVE_STATUSES } from '../filters';
import { jobMatcher, matchesSearch, progressRank, searchTerms, sortJobs, statusMatcher } from './match';

const NOW = 1_700_010_000;
let n = 0;
const aJob = (over: Partial<Job> = {}): Job => ({
  id: `0000000${n++}-aaaa-bbbb-cccc-dddddddddddd`,
  auto_start: true,
  model: 'open-mistral-7b',
  status: 'SUCCESS',
  job_type: 'completion',
  created_at: 1_700_000_000 + n,
  modified_at: 1_700_000_000 + n,
  training_files: [],
  hyperparameters: {},
  ...over,
});

describe('the search', () => {
  const bot = aJob({ suffix: 'Support-Bot', fine_tuned_model: 'ft:open-mistral-7b:f00d:support-bot:a1' });
  const plain = aJob({ id: '9f1e2d3c-0000-4000-8000-000000000000', suffix: null, fine_tuned_model: null });

  it('finds its text inside the suffix, the fine-tuned model or the id, whatever the case', () => {
    expect(matchesSearch(bot, searchTerms('support'))).toBe(true);
    expect(matchesSearch(bot, searchTerms('SUPPORT'))).toBe(true);
    expect(matchesSearch(bot, searchTerms('f00d'))).toBe(true);
    expect(matchesSearch(plain, searchTerms('2d3c'))).toBe(true);
    expect(matchesSearch(plain, searchTerms('support'))).toBe(false);
  });

  it('needs every word, each in any of the fields', () => {
    expect(matchesSearch(bot, searchTerms('bot 7b'))).toBe(true);
    expect(matchesSearch(bot, searchTerms('bot  legal'))).toBe(false);
  });

  it('matches everything when empty', () => {
    expect(searchTerms('   ')).toEqual([]);
    expect(matchesSearch(plain, [])).toBe(true);
  });

  it('does not look into the base model: that is the Model filter', () => {
    expect(matchesSearch(plain, searchTerms('mistral'))).toBe(false);
  });
});

describe('several statuses', () => {
  it('keeps any of those chosen, or any status when none is', () => {
    const failedOrDone = statusMatcher(['FAILED', 'SUCCESS']);
    expect(['FAILED', 'SUCCESS', 'RUNNING'].map(failedOrDone)).toEqual([true, true, false]);
    expect(statusMatcher([])('ANYTHING')).toBe(true);
  });

  it('the Active group holds what moves by itself, a status the dashboard does not know included', () => {
    const active = statusMatcher(ACTIVE_STATUSES);
    expect(ACTIVE_STATUSES.every(active)).toBe(true);
    expect(active('VALIDATED')).toBe(false);
    expect(active('SUCCESS')).toBe(false);
    expect(active('PAUSED')).toBe(true);
    // Not the whole group: only the statuses named.
    expect(statusMatcher(['RUNNING', 'QUEUED'])('PAUSED')).toBe(false);
  });

  it('combines with the search', () => {
    const match = jobMatcher({ search: 'support', statuses: ['RUNNING', 'QUEUED'] });
    expect(match(aJob({ suffix: 'support-a', status: 'RUNNING' }))).toBe(true);
    expect(match(aJob({ suffix: 'support-b', status: 'SUCCESS' }))).toBe(false);
    expect(match(aJob({ suffix: 'legal', status: 'RUNNING' }))).toBe(false);
  });
});

describe('sorting what is loaded', () => {
  // In the API's order: newest first.
  const jobs = [
    aJob({ suffix: 'b-job', status: 'RUNNING', model: 'ministral-8b-latest', job_type: 'completion' }),
    aJob({ suffix: 'A-job', status: 'SUCCESS', model: 'codestral-latest', job_type: 'classifier' }),
    aJob({ suffix: 'c-job10', status: 'QUEUED', model: 'open-mistral-7b', job_type: 'completion' }),
    aJob({ suffix: 'c-job9', status: 'VALIDATED', model: 'codestral-latest', job_type: 'completion' }),
  ].reverse();
  const order = (sort: Parameters<typeof sortJobs>[1]) => sortJobs(jobs, sort, NOW).map((j) => j.suffix);

  it('leaves the API order alone without a sort, and never changes its input', () => {
    expect(sortJobs(jobs, undefined)).toBe(jobs);
    const before = jobs.map((j) => j.id);
    sortJobs(jobs, '-job');
    expect(jobs.map((j) => j.id)).toEqual(before);
  });

  const orders: [string, Parameters<typeof sortJobs>[1], string[]][] = [
    ['by job name, whatever the case, numbers as numbers', 'job', ['A-job', 'b-job', 'c-job9', 'c-job10']],
    ['by job name, Z to A', '-job', ['c-job10', 'c-job9', 'b-job', 'A-job']],
    ['by creation, oldest first', 'created', ['b-job', 'A-job', 'c-job10', 'c-job9']],
    [
      'by status, active first, then waiting for a start, then ended',
      'status',
      ['c-job10', 'b-job', 'c-job9', 'A-job'],
    ],
    ['by base model, equal ones in the API order', 'model', ['c-job9', 'A-job', 'b-job', 'c-job10']],
    ['by base model, Z to A, equal ones in the API order', '-model', ['c-job10', 'b-job', 'c-job9', 'A-job']],
    ['by type', 'type', ['A-job', 'c-job9', 'c-job10', 'b-job']],
  ];
  it.each(orders)('%s (%s)', (_, sort, suffixes) => {
    expect(order(sort)).toEqual(suffixes);
  });

  it('by progress: ended, then a run by how much of it is gone, then what has not started', () => {
    const run = (startedAgo: number) =>
      aJob({ status: 'RUNNING', modified_at: NOW - startedAgo, metadata: { expected_duration_seconds: 1000 } });
    const [early, late] = [run(100), run(900)];
    const ended = aJob({ status: 'FAILED' });
    const queued = aJob({ status: 'QUEUED' });
    const validated = aJob({ status: 'VALIDATED' });
    expect(progressRank(late, NOW)).toBeGreaterThan(progressRank(early, NOW));
    const sorted = sortJobs([queued, early, ended, validated, late], '-progress', NOW);
    expect(sorted).toEqual([ended, late, early, validated, queued]);
  });

  it('by id', () => {
    expect(sortJobs(jobs, 'id').map((j) => j.id)).toEqual(jobs.map((j) => j.id).sort());
  });
});
