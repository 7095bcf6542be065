/**
 * Opens the emulator's SQLite file. WAL + synchronous=FULL so that a job acknowledged with a 200
 * survives `kill -9` (and even a power cut); the write rate is tiny, so the fsyncs cost nothing.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { backfillModels } from './models/repo';

export type Db = Database.Database;

// Append-only: each entry moves the schema one version forward (PRAGMA user_version).
export const MIGRATIONS: string[] = [
  `
  CREATE TABLE jobs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    job_type TEXT NOT NULL,
    model TEXT NOT NULL,
    status TEXT NOT NULL,
    auto_start INTEGER NOT NULL,
    created_by_me INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    status_since_ms INTEGER NOT NULL,
    validated_at_ms INTEGER,
    time_scale REAL NOT NULL,
    suffix TEXT,
    training_files TEXT NOT NULL,
    validation_files TEXT NOT NULL,
    hyperparameters TEXT NOT NULL,
    integrations TEXT NOT NULL,
    repositories TEXT,
    classifier_targets TEXT,
    plan TEXT NOT NULL,
    validation_error TEXT,
    fail_at_step INTEGER,
    fine_tuned_model TEXT,
    trained_tokens INTEGER
  );
  CREATE INDEX jobs_by_created ON jobs (created_at DESC, seq DESC);
  CREATE INDEX jobs_by_status ON jobs (status);
  CREATE TABLE job_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id TEXT NOT NULL REFERENCES jobs (id),
    name TEXT NOT NULL,
    data TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX job_events_by_job ON job_events (job_id, seq);
  CREATE TABLE job_checkpoints (
    job_id TEXT NOT NULL REFERENCES jobs (id),
    step_number INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    train_loss REAL,
    valid_loss REAL,
    valid_mean_token_accuracy REAL,
    PRIMARY KEY (job_id, step_number)
  ) WITHOUT ROWID;
  CREATE TABLE files (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    filename TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    purpose TEXT NOT NULL,
    sample_type TEXT NOT NULL,
    num_lines INTEGER,
    mimetype TEXT,
    source TEXT NOT NULL,
    kind TEXT NOT NULL,
    data_tokens INTEGER NOT NULL,
    targets TEXT,
    content BLOB
  );
  `,
  // Every request ticks first, so with thousands of jobs the tick must find the few that are due
  // through an index instead of scanning: next_event_ms is when a job next changes (NULL = never
  // on its own); 0 makes the first tick after this migration compute it for every active job.
  // The list filters each get an index that also serves the newest-first order (status + model:
  // the dashboard's usual pair, counted from the index alone).
  `
  ALTER TABLE jobs ADD COLUMN next_event_ms INTEGER;
  UPDATE jobs SET next_event_ms = 0
    WHERE status NOT IN ('SUCCESS', 'FAILED', 'FAILED_VALIDATION', 'CANCELLED');
  CREATE INDEX jobs_due ON jobs (next_event_ms) WHERE next_event_ms IS NOT NULL;
  DROP INDEX jobs_by_status;
  CREATE INDEX jobs_by_status ON jobs (status, created_at DESC, seq DESC);
  CREATE INDEX jobs_by_model ON jobs (model, created_at DESC, seq DESC);
  CREATE INDEX jobs_by_status_model ON jobs (status, model, created_at DESC, seq DESC);
  CREATE INDEX jobs_by_suffix ON jobs (suffix, created_at DESC, seq DESC);
  `,
  // The seed's showcase runs (overfit, plateau, diverge) keep their loss shape across restarts;
  // NULL, as for every job made through the API, is a healthy run.
  `
  ALTER TABLE jobs ADD COLUMN curve TEXT;
  `,
  // A fine-tuned model outlives the job API that made it: renamed, archived or deleted on its own
  // row. A deleted model keeps its row (deleted_at set) so that nothing makes it again from its
  // job; models/repo.ts backfills the rows of SUCCESS jobs written before this table existed.
  `
  CREATE TABLE models (
    id TEXT PRIMARY KEY,
    job_id TEXT NOT NULL UNIQUE REFERENCES jobs (id),
    model_type TEXT NOT NULL,
    root TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    name TEXT,
    description TEXT,
    classifier_targets TEXT,
    archived INTEGER NOT NULL DEFAULT 0,
    deleted_at INTEGER
  ) WITHOUT ROWID;
  `,
];

export function migrate(db: Db) {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] as string);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

/** `path` is a file (its directory is created) or `:memory:`. */
export function openDb(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  // Every open, not once: an older emulator may have finished jobs in this file since.
  backfillModels(db);
  return db;
}
