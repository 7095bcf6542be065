/**
 * The job state machine, as a pure function of stored facts and the time. Nothing here is
 * remembered in memory: `advance` replays from `status` + `statusSinceMs`, so a restarted server
 * (even after `kill -9`) carries every job on from where its timestamps say it is, and all event
 * and checkpoint times are the scheduled ones, not the moment a tick happened to run.
 */
import { canCancel, canStart, type JobStatus } from '../../contract/jobs';
import { runSeconds } from './simulate';

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

export interface LifecycleJob {
  status: JobStatus;
  statusSinceMs: number;
  autoStart: boolean;
  /** Has been VALIDATED once: a QUEUED job after /start goes to RUNNING, not back to VALIDATING. */
  validated: boolean;
  trainingSteps: number;
  timeScale: number;
  /** Why validation will fail, decided when the job was created; null = it passes. */
  validationError: string | null;
  /** Demo failures: training stops with FAILED when it reaches this step. */
  failAtStep: number | null;
  /** Highest checkpoint already stored (0 = none). */
  lastCheckpointStep: number;
}

export interface Transition {
  status: JobStatus;
  atMs: number;
  error?: string;
}
export interface DueCheckpoint {
  step: number;
  atMs: number;
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

function nextTransition(job: LifecycleJob, status: JobStatus, since: number, validated: boolean): Transition | null {
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

/** Everything that has happened to `job` by `nowMs` and is not stored yet, oldest first. */
export function advance(job: LifecycleJob, nowMs: number): { transitions: Transition[]; checkpoints: DueCheckpoint[] } {
  const transitions: Transition[] = [];
  const checkpoints: DueCheckpoint[] = [];
  let status = job.status;
  let since = job.statusSinceMs;
  let validated = job.validated;
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
        checkpoints.push({ step, atMs });
        lastStep = step;
      }
    }
    if (next === null || next.atMs > nowMs) break;
    transitions.push(next);
    status = next.status;
    since = next.atMs;
    validated ||= status === 'VALIDATED';
  }
  return { transitions, checkpoints };
}

/**
 * When `job` (already advanced) next changes by itself: its next transition or, while RUNNING,
 * its next checkpoint; null when only a user action can move it. The repo indexes this so a
 * tick touches only the jobs that are due.
 */
export function nextEventMs(job: LifecycleJob): number | null {
  const transition = nextTransition(job, job.status, job.statusSinceMs, job.validated)?.atMs ?? null;
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
