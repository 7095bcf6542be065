/** 200 creates at once through a real port and a SQLite file: each one is a job, exactly once. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { jobListSchema, jobSchema } from '../../contract/jobs';
import { createApp } from '../app';
import { openDb } from '../db';
import { listen } from '../testing';

test('200 concurrent creates grow the total by exactly 200, with 200 unique ids', { timeout: 30_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-concurrency-'));
  const db = openDb(join(dir, 'jobs.db'));
  const server = await listen(createApp({ db }));
  const base = `${server.url}/v1/fine_tuning/jobs`;
  const total = async () => jobListSchema.parse(await (await fetch(`${base}?page_size=1`)).json()).total;
  try {
    const before = await total();
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        fetch(base, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            model: 'open-mistral-7b',
            repositories: [{ owner: 'acme', name: `repo-${i}`, token: 't' }],
            hyperparameters: {},
          }),
        }).then(async (res) => ({ status: res.status, id: jobSchema.parse(await res.json()).id })),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect(new Set(answers.map((a) => a.id)).size).toBe(200);
    expect((await total()) - before).toBe(200);
  } finally {
    await server.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
