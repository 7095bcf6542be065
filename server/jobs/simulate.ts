/**
 * The numbers a real training run would report, made up deterministically: the plan the
 * validator computes (steps, tokens, cost, duration) and the names it is given (fine-tuned model,
 * commit, W&B run). Pure, so restarts change nothing. The loss curve is in curves.ts.
 */
import { TRAINING_PLAN } from '../../contract/training';
import type { JobMetadata, JobType } from '../../contract/jobs';
import { sha1Hex } from '../random';

/** Nominal training time at time scale 1: 1–2 minutes for a typical 10–100 step job. */
export const runSeconds = (steps: number) => Math.min(300, 45 + 0.75 * steps);

const { defaultEpochs: DEFAULT_EPOCHS, maxDerivedSteps: MAX_DERIVED_STEPS, sequencesPerStep } = TRAINING_PLAN;

export interface Plan {
  training_steps: number;
  epochs: number | null;
  metadata: JobMetadata;
}

export interface PlanInput {
  trainingSteps: number | null | undefined;
  epochs: number | null | undefined;
  seqLen: number;
  dataTokens: number;
  pricePerMTokens: number;
  timeScale: number;
}

const round = (n: number, digits: number) => Number(n.toFixed(digits));

export function planJob(p: PlanInput): Plan {
  const perStep = p.seqLen * sequencesPerStep;
  const wantedEpochs = p.epochs ?? DEFAULT_EPOCHS;
  const steps =
    p.trainingSteps ??
    (p.dataTokens > 0
      ? Math.min(MAX_DERIVED_STEPS, Math.max(1, Math.round((wantedEpochs * p.dataTokens) / perStep)))
      : 10);
  const trainTokens = steps * perStep;
  return {
    training_steps: steps,
    epochs: p.dataTokens > 0 ? round(trainTokens / p.dataTokens, 4) : null,
    metadata: {
      expected_duration_seconds: Math.max(1, Math.round(runSeconds(steps) / p.timeScale)),
      cost: round((trainTokens / 1e6) * p.pricePerMTokens, 2),
      cost_currency: 'EUR',
      train_tokens_per_step: perStep,
      train_tokens: trainTokens,
      data_tokens: p.dataTokens,
      estimated_start_time: null,
    },
  };
}

export const EMPTY_METADATA: JobMetadata = {
  expected_duration_seconds: null,
  cost: null,
  cost_currency: null,
  train_tokens_per_step: null,
  train_tokens: null,
  data_tokens: null,
  estimated_start_time: null,
};

/** Hex owner ids that appear inside fine-tuned model names, one per emulated user. */
export const OWNER_ME = '5e7f1c2a';
export const OWNER_TEAMMATE = 'b40c9e11';

/** `ft:<base>:<owner>:<YYYYMMDD>:<id[0..8]>`, with `classifier:` after `ft:` for classifiers. */
export function fineTunedModelName(job: { id: string; model: string; job_type: JobType }, owner: string, atMs: number) {
  const day = new Date(atMs).toISOString().slice(0, 10).replaceAll('-', '');
  const kind = job.job_type === 'classifier' ? 'classifier:' : '';
  return `ft:${kind}${job.model}:${owner}:${day}:${job.id.slice(0, 8)}`;
}

/** A stable 40-hex commit id, as if the repository's ref had been resolved when the job was made. */
export const commitIdFor = (jobId: string, owner: string, name: string, ref: string | null | undefined) =>
  sha1Hex(`${jobId}:${owner}/${name}@${ref ?? 'HEAD'}`);

export const wandbRunUrl = (project: string, jobId: string) =>
  `https://wandb.ai/emulator/${encodeURIComponent(project)}/runs/${jobId.slice(0, 8)}`;
