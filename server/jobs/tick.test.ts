/**
 * The tick only visits jobs that are due (jobs.next_event_ms, indexed), yet sees everything a full
 * replay would: ticking often gives the same history as ticking once at the end.
 */
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import type { JobIn } from '../../contract/jobs';
import { migrate, MIGRATIONS, openDb, type Db } from '../db';
import { FilesRepo } from '../files/repo';
import { fineTunable } from '../models/catalog';
import { T0 } from '../testing';
import { buildJob } from './build';
import { decideStart, nextEventMs } from './lifecycle';
import { JobsRepo } from './repo';
import { toInsertParams } from './rows';

const FILE = '00000000-0000-4000-8000-000000000001';
const SHAPES: [string, Partial<JobIn>, number | null][] = [
  ['auto start', { auto_start: true, hyperparameters: { training_steps: 12 } }, null],
  ['fails at step 5', { auto_start: true, hyperparameters: { training_steps: 12 } }, 5],
  ['fails validation', { training_files: [{ file_id: 'missing' }], hyperparameters: {} }, null],
  ['waits for a start', { hyperparameters: { training_steps: 3 } }, null],
];

function world(db: Db) {
  new FilesRepo(db).insert({
    id: FILE,
    filename: 'a.jsonl',
    bytes: 4000,
    createdAt: T0 / 1000,
    purpose: 'fine-tune',
    mimetype: 'application/jsonl',
    content: null,
    parsed: { kind: 'instruct', numLines: 10, dataTokens: 100_000 },
  });
  const jobs = new JobsRepo(db);
  SHAPES.forEach(([, over, failAt], i) => {
    const input: JobIn = {
      model: 'open-mistral-7b',
      training_files: [{ file_id: FILE }],
      hyperparameters: {},
      ...over,
    };
    const job = buildJob(input, {
      id: `job-${i}`,
      nowMs: T0,
      timeScale: 10,
      createdByMe: true,
      model: fineTunable(input.model, 'completion')!,
      file: (id) => new FilesRepo(db).facts(id),
    });
    jobs.insert({ ...job, fail_at_step: failAt });
  });
  return jobs;
}
const snapshot = (jobs: JobsRepo) => SHAPES.map((_, i) => jobs.get(`job-${i}`));

describe('tick', () => {
  test('ticking every 100 ms writes the same history as one tick at the end', () => {
    const often = world(openDb(':memory:'));
    for (const end of [1_000, 2_500, 6_000, 20_000]) {
      for (let t = T0; t <= T0 + end; t += 100) often.tick(t);
      const once = world(openDb(':memory:'));
      once.tick(T0 + end);
      expect(snapshot(often)).toEqual(snapshot(once));
    }
    expect(snapshot(often).map((j) => j?.status)).toEqual(['SUCCESS', 'FAILED', 'FAILED_VALIDATION', 'VALIDATED']);
  });

  test('settled jobs are never visited; a start schedules the job again', () => {
    const db = openDb(':memory:');
    const jobs = world(db);
    jobs.tick(T0 + 60_000);
    const due = () => db.prepare('SELECT id FROM jobs WHERE next_event_ms IS NOT NULL').pluck().all();
    expect(due()).toEqual([]);
    expect(jobs.tick(T0 + 120_000)).toBe(0);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT * FROM jobs WHERE next_event_ms <= ?').all(0);
    expect(JSON.stringify(plan)).toMatch(/USING INDEX jobs_due/);
    jobs.act('job-3', T0 + 120_000, decideStart);
    expect(due()).toEqual(['job-3']);
    jobs.tick(T0 + 200_000);
    expect(jobs.get('job-3')?.status).toBe('SUCCESS');
    expect(due()).toEqual([]);
  });

  test('nextEventMs: the next transition, or the next checkpoint while running', () => {
    const base = {
      statusSinceMs: 0,
      autoStart: false,
      validatedAtMs: 0,
      trainingSteps: 4,
      timeScale: 1,
      validationError: null,
      failAtStep: null,
      lastCheckpointStep: 0,
    };
    expect(nextEventMs({ ...base, status: 'VALIDATED' })).toBeNull();
    expect(nextEventMs({ ...base, status: 'SUCCESS' })).toBeNull();
    expect(nextEventMs({ ...base, status: 'QUEUED', validatedAtMs: null })).toBe(2000);
    const first = nextEventMs({ ...base, status: 'RUNNING' });
    const second = nextEventMs({ ...base, status: 'RUNNING', lastCheckpointStep: 1 });
    expect(first).toBeGreaterThan(0);
    expect(second).toBe(2 * first!);
  });

  test('a database from before next_event_ms: its active jobs are picked up by the first tick', () => {
    const db = new Database(':memory:');
    db.exec(MIGRATIONS[0]!);
    db.pragma('user_version = 1');
    const input: JobIn = {
      model: 'open-mistral-7b',
      repositories: [{ owner: 'o', name: 'r', token: 't' }],
      hyperparameters: {},
      auto_start: true,
    };
    const job = buildJob(input, {
      id: 'old-job',
      nowMs: T0,
      timeScale: 100,
      createdByMe: true,
      model: fineTunable(input.model, 'completion')!,
      file: () => undefined,
    });
    const { next_event_ms: _, curve: __, ...params } = toInsertParams(job);
    const columns = Object.keys(params);
    db.prepare(`INSERT INTO jobs (status, ${columns.join(', ')}) VALUES ('QUEUED', @${columns.join(', @')})`).run(
      params,
    );
    migrate(db);
    const jobs = new JobsRepo(db);
    jobs.tick(T0 + 60_000);
    expect(jobs.get('old-job')?.status).toBe('SUCCESS');
  });
});
