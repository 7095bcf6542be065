/**
 * Many jobs fast, for the load bench: a year of history through the real build and lifecycle
 * (so rows, events and checkpoints are what the emulator itself writes), in one transaction.
 * Steps are few so a job stores a handful of checkpoints; the last ones are still moving.
 */
import type { JobIn } from '../contract/jobs';
import type { Db } from './db';
import { FilesRepo } from './files/repo';
import { buildJob } from './jobs/build';
import { decideCancel } from './jobs/lifecycle';
import { JobsRepo } from './jobs/repo';
import { fineTunable } from './models/catalog';
import { prng } from './random';

const MODELS = ['open-mistral-7b', 'mistral-small-latest', 'codestral-latest', 'ministral-8b-latest'] as const;
const SUFFIXES = ['alpha', 'beta', 'gamma', 'delta', null] as const;
const YEAR_MS = 365 * 86_400_000;
/** This many of the newest jobs are created in the last minutes, so they are still active. */
const RECENT = 50;

export function seedMany(db: Db, { count, nowMs, seed = 7 }: { count: number; nowMs: number; seed?: number }) {
  const rng = prng(seed);
  const jobs = new JobsRepo(db);
  const files = new FilesRepo(db);
  const fileId = rng.uuid();
  db.transaction(() => {
    files.insert({
      id: fileId,
      filename: 'bench.jsonl',
      bytes: 400_000,
      createdAt: Math.floor((nowMs - YEAR_MS) / 1000) - 60,
      purpose: 'fine-tune',
      mimetype: 'application/jsonl',
      content: null,
      parsed: { kind: 'instruct', numLines: 1000, dataTokens: 100_000 },
    });
    for (let i = 0; i < count; i++) {
      const old = count - RECENT;
      const createdMs =
        i < old ? nowMs - YEAR_MS + Math.floor((i / old) * (YEAR_MS - 3_600_000)) : nowMs - (count - i) * 2_000;
      const input: JobIn = {
        model: rng.pick(MODELS),
        // A missing file is how a job comes to fail validation.
        training_files: [{ file_id: rng.next() < 0.05 ? 'missing-file' : fileId }],
        hyperparameters: { training_steps: rng.int(1, 5) },
        auto_start: rng.next() < 0.85,
        suffix: rng.pick(SUFFIXES),
      };
      const id = rng.uuid();
      const job = buildJob(input, {
        id,
        nowMs: createdMs,
        timeScale: 1,
        createdByMe: rng.next() < 0.7,
        model: fineTunable(input.model, 'completion')!,
        file: (f) => files.facts(f),
      });
      jobs.insert({ ...job, fail_at_step: rng.next() < 0.08 ? 1 : null });
      if (rng.next() < 0.05 && createdMs + 5_000 < nowMs) jobs.act(id, createdMs + 5_000, decideCancel);
    }
    jobs.tick(nowMs);
  })();
  return { fileId };
}
