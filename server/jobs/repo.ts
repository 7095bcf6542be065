/**
 * SQL for jobs, their events and checkpoints. It stores what the lifecycle returns and computes
 * nothing itself; `tick` and `act` are the only writers after creation, so list, get and the
 * background timer all see the same history.
 */
import type { Statement } from 'better-sqlite3';
import type { DetailedJob, JobList, ListJobsQuery } from '../../contract/jobs';
import { toUnixSeconds } from '../clock';
import type { Db } from '../db';
import { ModelsRepo } from '../models/repo';
import type { ClassifierTargetOut, NewJob } from './build';
import { act, advance, type Decide, type Effects, type Transition } from './lifecycle';
import {
  parse,
  toCheckpoint,
  toEvent,
  toInsertParams,
  toJob,
  toLifecycle,
  type CheckpointRow,
  type EventRow,
  type JobRow,
} from './rows';

export class JobsRepo {
  constructor(private readonly db: Db) {
    this.models = new ModelsRepo(db);
  }
  private readonly models: ModelsRepo;

  // Every request ticks and most list or get: compiling their SQL once saves a parse per call.
  private readonly statements = new Map<string, Statement>();
  private sql(text: string): Statement {
    let s = this.statements.get(text);
    if (!s) this.statements.set(text, (s = this.db.prepare(text)));
    return s;
  }

  private row(id: string) {
    return this.sql('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
  }

  insert(job: NewJob): DetailedJob {
    this.db.transaction(() => {
      const params = toInsertParams(job);
      const columns = Object.keys(params);
      this.sql(
        `INSERT INTO jobs (status, ${columns.join(', ')}) VALUES ('QUEUED', ${columns.map((c) => `@${c}`).join(', ')})`,
      ).run(params);
      this.addEvent(job.id, { status: 'QUEUED', atMs: job.createdAtMs });
    })();
    return this.get(job.id) as DetailedJob;
  }

  get(id: string): DetailedJob | undefined {
    const r = this.row(id);
    if (!r) return undefined;
    const events = this.sql('SELECT name, data, created_at FROM job_events WHERE job_id = ? ORDER BY seq').all(
      id,
    ) as EventRow[];
    const checkpoints = this.sql(
      'SELECT step_number, created_at, train_loss, valid_loss, valid_mean_token_accuracy FROM job_checkpoints WHERE job_id = ? ORDER BY step_number DESC',
    ).all(id) as CheckpointRow[];
    return {
      ...toJob(r),
      events: events.map(toEvent),
      checkpoints: checkpoints.map(toCheckpoint),
      ...(r.job_type === 'classifier'
        ? { classifier_targets: parse<ClassifierTargetOut[]>(r.classifier_targets ?? '[]') }
        : {}),
    };
  }

  list(q: ListJobsQuery): JobList {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, ...values: unknown[]) => {
      where.push(sql);
      params.push(...values);
    };
    if (q.model !== undefined) add('model = ?', q.model);
    if (q.status !== undefined) add('status = ?', q.status);
    if (q.suffix !== undefined) add('suffix = ?', q.suffix);
    // Both bounds inclusive, compared against the served (whole-second) created_at [inferred].
    if (q.created_after !== undefined) add('created_at >= ?', Date.parse(q.created_after) / 1000);
    if (q.created_before !== undefined) add('created_at <= ?', Date.parse(q.created_before) / 1000);
    if (q.created_by_me) add('created_by_me = 1');
    if (q.wandb_project !== undefined)
      add(
        "EXISTS (SELECT 1 FROM json_each(jobs.integrations) WHERE json_extract(value, '$.project') = ?)",
        q.wandb_project,
      );
    if (q.wandb_name !== undefined) {
      add(
        "EXISTS (SELECT 1 FROM json_each(jobs.integrations) WHERE json_extract(value, '$.name') = ? OR json_extract(value, '$.run_name') = ?)",
        q.wandb_name,
        q.wandb_name,
      );
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.sql(`SELECT COUNT(*) AS n FROM jobs ${clause}`).get(...params) as { n: number }).n;
    const rows = this.sql(`SELECT * FROM jobs ${clause} ORDER BY created_at DESC, seq DESC LIMIT ? OFFSET ?`).all(
      ...params,
      q.page_size,
      q.page * q.page_size,
    ) as JobRow[];
    return { object: 'list', data: rows.map(toJob), total };
  }

  count(): number {
    return (this.sql('SELECT COUNT(*) AS n FROM jobs').get() as { n: number }).n;
  }

  /** Writes everything the lifecycle says has happened by `nowMs` to every job that is due. */
  tick(nowMs: number): number {
    return this.db.transaction(() => {
      const rows = this.sql('SELECT * FROM jobs WHERE next_event_ms <= ?').all(nowMs) as JobRow[];
      let changes = 0;
      for (const r of rows) {
        const effects = advance(toLifecycle(r, this.lastCheckpoint(r.id)), nowMs);
        this.store(r.id, effects);
        changes += effects.transitions.length + effects.checkpoints.length;
      }
      return changes;
    })();
  }

  /**
   * A user action (cancel, start): brings the job up to date, asks `decide` what the current
   * status allows, and records the result — in one transaction so nothing moves in between.
   */
  act(id: string, nowMs: number, decide: Decide) {
    return this.db.transaction(() => {
      this.tick(nowMs);
      const r = this.row(id);
      if (!r) return { found: false as const };
      const d = decide(r.status);
      if (!d.ok) return { found: true as const, ok: false as const, reason: d.reason };
      this.store(id, act(toLifecycle(r, this.lastCheckpoint(id)), d.status, nowMs));
      return { found: true as const, ok: true as const, job: this.get(id) as DetailedJob };
    })();
  }

  private lastCheckpoint(id: string): number {
    return (
      (
        this.sql('SELECT MAX(step_number) AS s FROM job_checkpoints WHERE job_id = ?').get(id) as {
          s: number | null;
        }
      ).s ?? 0
    );
  }

  private addEvent(id: string, t: Transition) {
    const data = t.error === undefined ? { status: t.status } : { status: t.status, error: t.error };
    this.sql("INSERT INTO job_events (job_id, name, data, created_at) VALUES (?, 'status-updated', ?, ?)").run(
      id,
      JSON.stringify(data),
      toUnixSeconds(t.atMs),
    );
  }

  private store(id: string, { transitions, checkpoints, job, model }: Effects) {
    for (const t of transitions) this.addEvent(id, t);
    if (model) this.models.insert(model);
    const insert = this.sql(
      'INSERT OR IGNORE INTO job_checkpoints (job_id, step_number, created_at, train_loss, valid_loss, valid_mean_token_accuracy) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const { step, atMs, metrics: m } of checkpoints) {
      insert.run(id, step, toUnixSeconds(atMs), m.train_loss, m.valid_loss, m.valid_mean_token_accuracy);
    }
    this.sql(
      'UPDATE jobs SET status = ?, status_since_ms = ?, validated_at_ms = ?, fine_tuned_model = ?, trained_tokens = ?, next_event_ms = ? WHERE id = ?',
    ).run(job.status, job.statusSinceMs, job.validatedAtMs, job.fineTunedModel, job.trainedTokens, job.nextEventMs, id);
  }
}
