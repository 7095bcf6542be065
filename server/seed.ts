/**
 * Fills an empty database with the demo world of seed-data.ts. Jobs are not written in their
 * final state: each one is created at its past time and the real lifecycle is replayed up to
 * "now" (with the cancels and starts a user would have made), so events, checkpoints and
 * metadata are exactly what the emulator itself produces, and live jobs keep moving afterwards.
 */
import { toUnixSeconds } from './clock';
import type { Db } from './db';
import { FilesRepo } from './files/repo';
import { buildJob } from './jobs/build';
import { decideCancel, decideStart } from './jobs/lifecycle';
import { JobsRepo } from './jobs/repo';
import { fineTunable } from './models/catalog';
import { prng } from './random';
import { SEED_FILES, seedJobs } from './seed-data';

/** Seeds only a database with no jobs and no files; returns what it wrote, or null. */
export function seedDemo(
  db: Db,
  { nowMs, timeScale = 1, seed = 1 }: { nowMs: number; timeScale?: number; seed?: number },
) {
  const jobs = new JobsRepo(db);
  const files = new FilesRepo(db);
  if (jobs.count() > 0 || files.count() > 0) return null;
  const rng = prng(seed);
  const fileIds = new Map<string, string>();
  const run = db.transaction(() => {
    for (const f of SEED_FILES) {
      const id = rng.uuid();
      fileIds.set(f.key, id);
      files.insert({
        id,
        filename: f.filename,
        bytes: f.bytes,
        createdAt: toUnixSeconds(nowMs - f.daysAgo * 86_400_000),
        purpose: 'fine-tune',
        mimetype: 'application/jsonl',
        content: null,
        parsed: f.parsed,
      });
    }
    const fileId = (key: string) => fileIds.get(key) ?? key;
    const specs = seedJobs(fileId, (s) => (s * 1000) / timeScale, rng);

    // One timeline of every creation and user action, replayed in time order.
    const actions: { atMs: number; order: number; run: () => void }[] = [];
    specs.forEach((spec, order) => {
      const createdMs = nowMs - spec.agoMs;
      const id = rng.uuid();
      const jobType = spec.input.job_type ?? 'completion';
      const model = fineTunable(spec.input.model, jobType);
      if (!model) throw new Error(`seed: ${spec.input.model} cannot be fine-tuned for ${jobType}`);
      actions.push({
        atMs: createdMs,
        order,
        run: () => {
          const job = buildJob(spec.input, {
            id,
            nowMs: createdMs,
            timeScale,
            createdByMe: !spec.byTeammate,
            model,
            file: (f) => files.facts(f),
          });
          jobs.insert({ ...job, fail_at_step: spec.failAtStep ?? null, curve: spec.curve ?? null });
        },
      });
      if (spec.cancelAfterMs !== undefined) {
        const at = createdMs + spec.cancelAfterMs;
        actions.push({ atMs: at, order, run: () => jobs.act(id, at, decideCancel) });
      }
      if (spec.startAfterMs !== undefined) {
        const at = createdMs + spec.startAfterMs;
        actions.push({
          atMs: at,
          order,
          run: () =>
            spec.startedStatus
              ? jobs.act(id, at, (s) => (s === 'VALIDATED' ? { ok: true, status: 'STARTED' } : decideStart(s)))
              : jobs.act(id, at, decideStart),
        });
      }
    });
    for (const a of actions.sort((x, y) => x.atMs - y.atMs || x.order - y.order)) {
      jobs.tick(a.atMs);
      a.run();
    }
    jobs.tick(nowMs);
    return { files: SEED_FILES.length, jobs: specs.length };
  });
  return run();
}
