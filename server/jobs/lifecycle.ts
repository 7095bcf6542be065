/**
 * The job state machine, as a pure function of stored facts and the time. Nothing here is
 * remembered in memory: `advance` replays from `status` + `statusSinceMs`, so a restarted server
 * (even after `kill -9`) carries every job on from where its timestamps say it is, and all event
 * and checkpoint times are the scheduled ones, not the moment a tick happened to run. It returns
 * every row and column a change writes, so the repository stores them and decides nothing.
 */
import { canCancel, canStart, type JobStatus, type JobType, type Metrics } from '../../contract/jobs';
import { newModel, type NewModel } from '../models/fine-tuned';
import type { ClassifierTargetOut } from './build';
import { metricsAt, type Curve } from './curves';
import { fineTunedModelName, runSeconds } from './simulate';

/** Seconds each automatic step takes at time scale 1 (QUEUED → VALIDATED is ~10 s in total). */
export const PHASE_SECONDS = {
  queued: 2,
  validating: 8,
  /** VALIDATED → RUNNING when auto_start is true. */
  autoStart: 1,
  /** QUEUED (or STARTED) after a manual start → RUNNING. */
  startQueue: 3,
  cancelling: 5,
} as const;

/** At most this many checkpoints per job; longer runs space them out. */
export const MAX_CHECKPOINTS = 200;

/** What decides when a job moves. */
export interface Schedule {
  status: JobStatus;
  statusSinceMs: number;
  autoStart: boolean;
  /** When the job was first VALIDATED: a QUEUED job after /start goes to RUNNING, not back to VALIDATING. */
  validatedAtMs: number | null;
  trainingSteps: number;
  timeScale: number;
  /** Why validation will fail, decided when the job was created; null = it passes. */
  validationError: string | null;
  /** Demo failures: training stops with FAILED when it reaches this step. */
  failAtStep: number | null;
  /** Highest checkpoint already stored (0 = none). */
  lastCheckpointStep: number;
}

/** Fixed at creation, for what the moves write: the checkpoints' curve and the SUCCESS columns. */
export interface RunFacts {
  id: string;
  jobType: JobType;
  model: string;
  /** The 8-hex owner inside the fine-tuned model's name. */
  owner: string;
  trainTokens: number | null;
  hasValidation: boolean;
  curve: Curve | null;
  /** What a classifier's model is trained to tell apart; null for completion jobs. */
  classifierTargets: ClassifierTargetOut[] | null;
}

export interface LifecycleJob extends Schedule {
  run: RunFacts;
}

/** A status change: one `status-updated` event. */
export interface Transition {
  status: JobStatus;
  atMs: number;
  error?: string;
}
export interface DueCheckpoint {
  step: number;
  atMs: number;
  metrics: Metrics;
}

/** The job's columns after a change. */
export interface JobState {
  status: JobStatus;
  statusSinceMs: number;
  validatedAtMs: number | null;
  fineTunedModel: string | null;
  trainedTokens: number | null;
  /** When it next changes by itself; null = only a user action can move it. */
  nextEventMs: number | null;
}

/**
 * Everything a change writes: new events and checkpoints, oldest first, the job's columns, and
 * the fine-tuned model its SUCCESS made (only with the SUCCESS transition itself).
 */
export interface Effects {
  transitions: Transition[];
  checkpoints: DueCheckpoint[];
  job: JobState;
  model: NewModel | null;
}

const phaseMs = (seconds: number, scale: number) => (seconds * 1000) / scale;
export const runMs = (steps: number, scale: number) => phaseMs(runSeconds(steps), scale);

/** Steps that get a checkpoint: every step up to MAX_CHECKPOINTS steps, else evenly spaced plus the last. */
export function checkpointSteps(totalSteps: number): number[] {
  const every = Math.max(1, Math.ceil(totalSteps / MAX_CHECKPOINTS));
  const out: number[] = [];
  for (let s = every; s < totalSteps; s += every) out.push(s);
  out.push(totalSteps);
  return out;
}

function nextTransition(job: Schedule, status: JobStatus, since: number, validated: boolean): Transition | null {
  const after = (s: number) => since + phaseMs(s, job.timeScale);
  switch (status) {
    case 'QUEUED':
      return validated
        ? { status: 'RUNNING', atMs: after(PHASE_SECONDS.startQueue) }
        : { status: 'VALIDATING', atMs: after(PHASE_SECONDS.queued) };
    case 'STARTED':
      return { status: 'RUNNING', atMs: after(PHASE_SECONDS.startQueue) };
    case 'VALIDATING':
      return job.validationError === null
        ? { status: 'VALIDATED', atMs: after(PHASE_SECONDS.validating) }
        : { status: 'FAILED_VALIDATION', atMs: after(PHASE_SECONDS.validating), error: job.validationError };
    case 'VALIDATED':
      return job.autoStart ? { status: 'RUNNING', atMs: after(PHASE_SECONDS.autoStart) } : null;
    case 'RUNNING': {
      const run = runMs(job.trainingSteps, job.timeScale);
      if (job.failAtStep !== null && job.failAtStep <= job.trainingSteps) {
        return {
          status: 'FAILED',
          atMs: since + (run * job.failAtStep) / job.trainingSteps,
          error: `Training diverged at step ${job.failAtStep} (loss is NaN).`,
        };
      }
      return { status: 'SUCCESS', atMs: since + run };
    }
    case 'CANCELLATION_REQUESTED':
      return { status: 'CANCELLED', atMs: after(PHASE_SECONDS.cancelling) };
    default:
      return null;
  }
}

/** The job's columns once `transitions` and `checkpoints` are stored. */
function settle(job: LifecycleJob, transitions: Transition[], checkpoints: DueCheckpoint[]): Effects {
  const last = transitions.at(-1);
  const status = last?.status ?? job.status;
  const since = last?.atMs ?? job.statusSinceMs;
  const validatedAtMs = job.validatedAtMs ?? transitions.find((t) => t.status === 'VALIDATED')?.atMs ?? null;
  const success = status === 'SUCCESS';
  const { run } = job;
  const fineTunedModel = success
    ? fineTunedModelName({ id: run.id, model: run.model, job_type: run.jobType }, run.owner, since)
    : null;
  const succeededNow = fineTunedModel !== null && transitions.some((t) => t.status === 'SUCCESS');
  return {
    transitions,
    checkpoints,
    model: succeededNow
      ? newModel({ ...run, fineTunedModel, atMs: since, classifierTargets: run.classifierTargets })
      : null,
    job: {
      status,
      statusSinceMs: since,
      validatedAtMs,
      fineTunedModel,
      trainedTokens: success ? run.trainTokens : null,
      nextEventMs: nextEventMs({
        ...job,
        status,
        statusSinceMs: since,
        validatedAtMs,
        lastCheckpointStep: checkpoints.at(-1)?.step ?? job.lastCheckpointStep,
      }),
    },
  };
}

/** Everything that has happened to `job` by `nowMs` and is not stored yet. */
export function advance(job: LifecycleJob, nowMs: number): Effects {
  const transitions: Transition[] = [];
  const checkpoints: DueCheckpoint[] = [];
  let status = job.status;
  let since = job.statusSinceMs;
  let validated = job.validatedAtMs !== null;
  let lastStep = job.lastCheckpointStep;
  for (;;) {
    const next = nextTransition(job, status, since, validated);
    if (status === 'RUNNING') {
      const until = Math.min(nowMs, next?.atMs ?? nowMs);
      const run = runMs(job.trainingSteps, job.timeScale);
      for (const step of checkpointSteps(job.trainingSteps)) {
        if (step <= lastStep) continue;
        if (job.failAtStep !== null && step >= job.failAtStep) break;
        const atMs = since + (run * step) / job.trainingSteps;
        if (atMs > until) break;
        const { id, jobType, hasValidation, curve } = job.run;
        checkpoints.push({
          step,
          atMs,
          metrics: metricsAt(id, jobType, step, job.trainingSteps, hasValidation, curve),
        });
        lastStep = step;
      }
    }
    if (next === null || next.atMs > nowMs) break;
    transitions.push(next);
    status = next.status;
    since = next.atMs;
    validated ||= status === 'VALIDATED';
  }
  return settle(job, transitions, checkpoints);
}

/** What a user action that moves `job` (already advanced) to `status` at `nowMs` writes. */
export const act = (job: LifecycleJob, status: JobStatus, nowMs: number): Effects =>
  settle(job, [{ status, atMs: nowMs }], []);

/**
 * When `job` (already advanced) next changes by itself: its next transition or, while RUNNING,
 * its next checkpoint; null when only a user action can move it. The repo indexes this so a
 * tick touches only the jobs that are due.
 */
export function nextEventMs(job: Schedule): number | null {
  const transition = nextTransition(job, job.status, job.statusSinceMs, job.validatedAtMs !== null)?.atMs ?? null;
  if (job.status !== 'RUNNING') return transition;
  const step = checkpointSteps(job.trainingSteps).find(
    (s) => s > job.lastCheckpointStep && (job.failAtStep === null || s < job.failAtStep),
  );
  if (step === undefined) return transition;
  const checkpoint = job.statusSinceMs + (runMs(job.trainingSteps, job.timeScale) * step) / job.trainingSteps;
  return transition === null ? checkpoint : Math.min(transition, checkpoint);
}

/** What a user action does to a job in `status`: the new status, or why it is refused (409). */
export type Decision = { ok: true; status: JobStatus } | { ok: false; reason: string };

export type Decide = (status: JobStatus) => Decision;

export function decideCancel(status: JobStatus): Decision {
  if (canCancel(status)) return { ok: true, status: 'CANCELLATION_REQUESTED' };
  return status === 'CANCELLATION_REQUESTED'
    ? {
        ok: false,
        reason: 'Job cannot be cancelled: cancellation was already requested (status CANCELLATION_REQUESTED).',
      }
    : { ok: false, reason: `Job cannot be cancelled: it has already finished (status ${status}).` };
}

export function decideStart(status: JobStatus): Decision {
  if (canStart(status)) return { ok: true, status: 'QUEUED' };
  return { ok: false, reason: `Job cannot be started: only VALIDATED jobs can be started (status ${status}).` };
}
