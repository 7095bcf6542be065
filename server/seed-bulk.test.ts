import { expect, test } from 'vitest';
import { openDb } from './db';
import { JobsRepo } from './jobs/repo';
import { seedMany } from './seed-bulk';
import { T0 } from './testing';

test('seedMany: every status a list filter might pick, the newest still moving', () => {
  const db = openDb(':memory:');
  seedMany(db, { count: 400, nowMs: T0 });
  const jobs = new JobsRepo(db);
  expect(jobs.count()).toBe(400);
  const counts = db.prepare('SELECT status, COUNT(*) AS n FROM jobs GROUP BY status').all() as {
    status: string;
    n: number;
  }[];
  expect(counts.map((c) => c.status).sort()).toEqual(
    expect.arrayContaining(['CANCELLED', 'FAILED', 'FAILED_VALIDATION', 'RUNNING', 'SUCCESS', 'VALIDATED']),
  );
  const page = jobs.list({ page: 1, page_size: 5, status: 'SUCCESS', model: 'open-mistral-7b', created_by_me: false });
  expect(page.data).toHaveLength(5);
  expect(page.data.every((j) => j.status === 'SUCCESS' && j.model === 'open-mistral-7b')).toBe(true);
  expect(jobs.tick(T0)).toBe(0);
});
