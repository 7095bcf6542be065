/**
 * The seed's showcase runs: each reads as its verdict from the checkpoints alone, as a newcomer
 * (or the dashboard) would judge them through the API.
 */
import { describe, expect, test } from 'vitest';
import { detailedJobSchema, jobListSchema, type DetailedJob } from '../contract/jobs';
import { createApp } from './app';
import { manualClock } from './clock';
import { openDb } from './db';
import { seedDemo } from './seed';
import { gainOfLast, T0 } from './testing';

const db = openDb(':memory:');
seedDemo(db, { nowMs: T0 });
const app = createApp({ db, clock: manualClock(T0) });
const json = async (path: string) => (await app.request(path)).json() as Promise<unknown>;

/** The job with `suffix`, and its checkpoints oldest first. */
async function seeded(suffix: string) {
  const list = jobListSchema.parse(await json(`/v1/fine_tuning/jobs?suffix=${suffix}`));
  expect(list.total).toBe(1);
  const job: DetailedJob = detailedJobSchema.parse(await json(`/v1/fine_tuning/jobs/${list.data[0]!.id}`));
  const points = job.checkpoints.toSorted((a, b) => a.step_number - b.step_number);
  expect(points.length).toBeGreaterThanOrEqual(15);
  return {
    job,
    steps: points.map((c) => c.step_number),
    train: points.map((c) => c.metrics.train_loss ?? NaN),
    valid: points.map((c) => c.metrics.valid_loss ?? NaN),
  };
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('seeded loss curves', () => {
  test('support-overfit: validation loss bottoms out near step 80 and climbs back; train loss keeps falling', async () => {
    const { job, steps, train, valid } = await seeded('support-overfit');
    expect(job.status).toBe('SUCCESS');
    const best = valid.indexOf(Math.min(...valid));
    expect(steps[best]).toBeGreaterThanOrEqual(72);
    expect(steps[best]).toBeLessThanOrEqual(88);
    expect(steps[best]).toBeLessThan(steps.at(-1)!);
    // Rises afterwards, window after window: not one noisy point at the end.
    const after = valid.slice(best);
    const thirds = [0, 1, 2].map((i) => mean(after.slice((i * after.length) / 3, ((i + 1) * after.length) / 3)));
    expect(thirds[1]).toBeGreaterThan(thirds[0]!);
    expect(thirds[2]).toBeGreaterThan(thirds[1]!);
    expect(valid.at(-1)).toBeGreaterThan(valid[best]! * 1.3);
    expect(mean(train.slice(-10))).toBeLessThan(mean(train.slice(best - 5, best + 5)) * 0.8);
  });

  test('intent-plateau: learns, then its last 40 checkpoints gain less than 0.5 %', async () => {
    const { job, valid, train } = await seeded('intent-plateau');
    expect(job.status).toBe('SUCCESS');
    expect(job.job_type).toBe('classifier');
    expect(valid[0]).toBeGreaterThan(Math.min(...valid) * 1.5);
    const last = valid.slice(-40);
    expect(gainOfLast(valid, 40)).toBeLessThan(0.005);
    expect((Math.max(...last) - Math.min(...last)) / Math.min(...last)).toBeLessThan(0.005);
    expect(gainOfLast(train, 40)).toBeLessThan(0.005);
  });

  test('support-diverge: both losses rise sharply from step 30 until the run fails', async () => {
    const { job, steps, train, valid } = await seeded('support-diverge');
    expect(job.status).toBe('FAILED');
    expect(job.events.at(-1)?.data?.error).toMatch(/diverged at step 48/);
    expect(steps.at(-1)).toBe(47);
    const best = train.indexOf(Math.min(...train));
    expect(Math.abs(steps[best]! - 30)).toBeLessThanOrEqual(3);
    expect(train.at(-1)).toBeGreaterThan(train[best]! * 3);
    expect(valid.at(-1)).toBeGreaterThan(Math.min(...valid) * 3);
    expect(mean(train.slice(-5))).toBeGreaterThan(mean(train.slice(-10, -5)));
  });
});
