import { describe, expect, test } from 'vitest';
import { detailedJobSchema, JOB_STATUSES, jobListSchema, jobStatusSchema, isTerminal } from '../contract/jobs';
import { fileListSchema } from '../contract/files';
import { createApp } from './app';
import { manualClock } from './clock';
import { openDb } from './db';
import { seedDemo } from './seed';
import { T0 } from './testing';

function seeded(timeScale = 1) {
  const db = openDb(':memory:');
  const written = seedDemo(db, { nowMs: T0, timeScale });
  const clock = manualClock(T0);
  const app = createApp({ db, clock, timeScale });
  const get = async (path: string) => (await app.request(path)).json() as Promise<unknown>;
  const jobs = async () => jobListSchema.parse(await get('/v1/fine_tuning/jobs?page_size=1000')).data;
  return { db, written, clock, get, jobs };
}

describe('seedDemo', () => {
  test('an empty database gets ≥ 20 jobs in all ten statuses, both types, from several people', async () => {
    const s = seeded();
    expect(s.written).toEqual({ files: 8, jobs: expect.any(Number) as number });
    const jobs = await s.jobs();
    expect(jobs.length).toBeGreaterThanOrEqual(20);
    expect(new Set(jobs.map((j) => jobStatusSchema.parse(j.status)))).toEqual(new Set(JOB_STATUSES));
    expect(new Set(jobs.map((j) => j.job_type))).toEqual(new Set(['completion', 'classifier']));
    const mine = jobListSchema.parse(await s.get('/v1/fine_tuning/jobs?created_by_me=true&page_size=1000'));
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.total).toBeLessThan(jobs.length);
    expect(Math.min(...jobs.map((j) => j.created_at))).toBeLessThan(T0 / 1000 - 14 * 86_400);
    expect(jobs.some((j) => j.suffix)).toBe(true);
    expect(jobs.some((j) => j.integrations?.some((i) => i.url))).toBe(true);
    expect(jobs.filter((j) => (j.repositories?.length ?? 0) > 0)).toHaveLength(1);
    expect(fileListSchema.parse(await s.get('/v1/files')).total).toBe(8);
  });

  test('details carry events, checkpoints (a few to hundreds) and metadata', async () => {
    const s = seeded();
    const details = await Promise.all(
      (await s.jobs()).map(async (j) => detailedJobSchema.parse(await s.get(`/v1/fine_tuning/jobs/${j.id}`))),
    );
    const counts = details.map((d) => d.checkpoints.length);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(150);
    expect(counts.some((n) => n > 0 && n < 50)).toBe(true);
    for (const d of details) {
      expect(d.events[0]?.data).toEqual({ status: 'QUEUED' });
      expect(d.events.at(-1)?.data?.status).toBe(d.status);
      if (d.status === 'SUCCESS') expect(d.metadata?.cost).toBeGreaterThan(0);
    }
    expect(details.find((d) => d.status === 'FAILED')?.events.at(-1)?.data?.error).toEqual(expect.any(String));
    expect(details.find((d) => d.status === 'FAILED_VALIDATION')?.events.at(-1)?.data?.error).toEqual(
      expect.any(String),
    );
  });

  test('is deterministic and never seeds twice', async () => {
    const a = seeded();
    const b = seeded();
    expect((await a.jobs()).map((j) => j.id)).toEqual((await b.jobs()).map((j) => j.id));
    expect(seedDemo(a.db, { nowMs: T0 })).toBeNull();
    expect((await a.jobs()).length).toBe((await b.jobs()).length);
  });

  test('live jobs move on the clock: an hour later only manual-start jobs are still waiting', async () => {
    const s = seeded();
    s.clock.advance(3_600_000);
    const open = (await s.jobs()).filter((j) => !isTerminal(j.status));
    expect(open.map((j) => j.status)).toEqual(['VALIDATED', 'VALIDATED']);
  });
});
