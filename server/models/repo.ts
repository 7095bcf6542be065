/**
 * SQL for fine-tuned models. A row is written by the job's SUCCESS (JobsRepo stores it with the
 * job's other effects, in the same transaction) or by the backfill; afterwards only the user's
 * rename, archive and delete change it. A deleted model keeps its row as a tombstone: every read
 * skips it, and neither the backfill nor a replayed SUCCESS writes it again.
 */
import type { Statement } from 'better-sqlite3';
import type { UpdateModelIn } from '../../contract/fine-tuned-models';
import type { JobType } from '../../contract/jobs';
import { toUnixSeconds } from '../clock';
import type { Db } from '../db';
import type { ClassifierTargetOut } from '../jobs/build';
import { newModel, type ModelRow, type NewModel } from './fine-tuned';

export class ModelsRepo {
  constructor(private readonly db: Db) {}

  private readonly statements = new Map<string, Statement>();
  private sql(text: string): Statement {
    let s = this.statements.get(text);
    if (!s) this.statements.set(text, (s = this.db.prepare(text)));
    return s;
  }

  /** Ignored when the model already has a row, a tombstone included. */
  insert(m: NewModel) {
    this.sql(
      'INSERT OR IGNORE INTO models (id, job_id, model_type, root, created_at, name, description, classifier_targets) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      m.id,
      m.jobId,
      m.modelType,
      m.root,
      toUnixSeconds(m.createdAtMs),
      m.name,
      m.description,
      m.classifierTargets && JSON.stringify(m.classifierTargets),
    );
  }

  /** Newest first, as the jobs that made them. */
  list(): ModelRow[] {
    return this.sql('SELECT * FROM models WHERE deleted_at IS NULL ORDER BY created_at DESC, id').all() as ModelRow[];
  }

  get(id: string): ModelRow | undefined {
    return this.sql('SELECT * FROM models WHERE id = ? AND deleted_at IS NULL').get(id) as ModelRow | undefined;
  }

  /** Sets the fields present in `patch` (null clears); undefined when there is no such model. */
  update(id: string, patch: UpdateModelIn): ModelRow | undefined {
    const set = (['name', 'description'] as const).filter((k) => patch[k] !== undefined);
    if (set.length > 0) {
      this.sql(
        `UPDATE models SET ${set.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id AND deleted_at IS NULL`,
      ).run({ id, ...Object.fromEntries(set.map((k) => [k, patch[k]])) });
    }
    return this.get(id);
  }

  setArchived(id: string, archived: boolean): ModelRow | undefined {
    this.sql('UPDATE models SET archived = ? WHERE id = ? AND deleted_at IS NULL').run(archived ? 1 : 0, id);
    return this.get(id);
  }

  /** False when there was no such model (or it was already deleted). */
  delete(id: string, nowMs: number): boolean {
    return (
      this.sql('UPDATE models SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(toUnixSeconds(nowMs), id)
        .changes === 1
    );
  }
}

interface SucceededJob {
  id: string;
  job_type: JobType;
  model: string;
  fine_tuned_model: string;
  status_since_ms: number;
  classifier_targets: string | null;
}

/**
 * Writes the model of every SUCCESS job that has no row yet: files from before the models table,
 * or finished by an older emulator since. Returns how many it wrote.
 */
export function backfillModels(db: Db): number {
  const jobs = db
    .prepare(
      `SELECT id, job_type, model, fine_tuned_model, status_since_ms, classifier_targets FROM jobs j
       WHERE status = 'SUCCESS' AND fine_tuned_model IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM models m WHERE m.job_id = j.id)`,
    )
    .all() as SucceededJob[];
  if (jobs.length === 0) return 0;
  const models = new ModelsRepo(db);
  db.transaction(() => {
    for (const j of jobs) {
      models.insert(
        newModel({
          id: j.id,
          jobType: j.job_type,
          model: j.model,
          fineTunedModel: j.fine_tuned_model,
          atMs: j.status_since_ms,
          classifierTargets:
            j.classifier_targets === null ? null : (JSON.parse(j.classifier_targets) as ClassifierTargetOut[]),
        }),
      );
    }
  })();
  return jobs.length;
}
