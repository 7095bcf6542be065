/**
 * The demo world a newcomer sees: a handful of files and ~30 jobs covering every status, both
 * job types, W&B runs, a repository, failures and cancellations, and one run for each way a
 * loss curve goes wrong (overfit, plateau, diverge), spread over the last weeks.
 * Ids come from a seeded PRNG; times are relative to "now" so the demo always looks recent.
 */
import type { JobIn } from '../contract/jobs';
import type { ClassifierTarget, ParsedFile } from './files/validate';
import { PHASE_SECONDS } from './jobs/lifecycle';
import type { Curve } from './jobs/curves';
import { runSeconds } from './jobs/simulate';
import type { Prng } from './random';

export interface SeedFile {
  key: string;
  filename: string;
  daysAgo: number;
  bytes: number;
  parsed: ParsedFile;
}

export interface SeedJob {
  /** Milliseconds before "now" the job was created. */
  agoMs: number;
  input: JobIn;
  byTeammate?: boolean;
  failAtStep?: number;
  /** How its loss curve goes wrong; healthy without. */
  curve?: Curve;
  /** Offsets from creation, in ms. */
  cancelAfterMs?: number;
  startAfterMs?: number;
  /** Show the legacy STARTED status instead of QUEUED after the manual start. */
  startedStatus?: boolean;
}

const instruct = (numLines: number, dataTokens: number): ParsedFile => ({ kind: 'instruct', numLines, dataTokens });
const classifier = (numLines: number, dataTokens: number, targets: Record<string, ClassifierTarget>): ParsedFile => ({
  kind: 'classifier',
  numLines,
  dataTokens,
  targets,
});

/** The support intents: the intent classifier's training and validation files label the same ones. */
const INTENTS: Record<string, ClassifierTarget> = {
  intent: { labels: ['billing', 'cancel_subscription', 'greeting', 'tech_support', 'other'], multi: false },
};

export const SEED_FILES: SeedFile[] = [
  {
    key: 'support-train',
    filename: 'support-chats-train.jsonl',
    daysAgo: 30,
    bytes: 41_873_220,
    parsed: instruct(18_400, 9_850_000),
  },
  {
    key: 'support-valid',
    filename: 'support-chats-valid.jsonl',
    daysAgo: 30,
    bytes: 2_204_911,
    parsed: instruct(960, 518_000),
  },
  {
    key: 'legal',
    filename: 'legal-summaries.jsonl',
    daysAgo: 26,
    bytes: 63_120_004,
    parsed: instruct(7_200, 14_600_000),
  },
  {
    key: 'code',
    filename: 'internal-code-completions.jsonl',
    daysAgo: 20,
    bytes: 18_334_870,
    parsed: instruct(25_000, 4_300_000),
  },
  {
    key: 'satellite',
    filename: 'satellite-captions.jsonl',
    daysAgo: 12,
    bytes: 9_877_015,
    parsed: instruct(3_100, 4_540_000),
  },
  {
    key: 'intent-train',
    filename: 'intent-train.jsonl',
    daysAgo: 22,
    bytes: 3_410_552,
    parsed: classifier(24_000, 820_000, INTENTS),
  },
  {
    key: 'intent-valid',
    filename: 'intent-valid.jsonl',
    daysAgo: 22,
    bytes: 380_112,
    parsed: classifier(2_600, 91_000, INTENTS),
  },
  {
    key: 'products',
    filename: 'product-catalog-labels.jsonl',
    daysAgo: 9,
    bytes: 7_006_830,
    parsed: classifier(41_000, 1_720_000, {
      category: { labels: ['apparel', 'electronics', 'home', 'toys'], multi: false },
      tags: { labels: ['eco', 'premium', 'sale'], multi: true },
    }),
  },
];

const DAY = 86_400_000;
const KEY = 'k'.repeat(40);
const wandb = (project: string, name?: string) => [
  { type: 'wandb' as const, project, name: name ?? null, api_key: KEY },
];

/** `file(key)` is the seeded file's id; `ms(s)` turns simulated seconds into wall ms at the current time scale. */
export function seedJobs(file: (key: string) => string, ms: (simSeconds: number) => number, rng: Prng): SeedJob[] {
  const tf = (...keys: string[]) => keys.map((k) => ({ file_id: file(k), weight: 1 }));
  const days = (d: number) => Math.round(d * DAY + rng.int(0, 3_600_000));
  const untilRun = PHASE_SECONDS.queued + PHASE_SECONDS.validating + PHASE_SECONDS.autoStart;
  const completion = (model: string, steps: number | null, extra: Partial<JobIn> = {}): JobIn => ({
    model,
    training_files: tf('support-train'),
    hyperparameters: steps === null ? {} : { training_steps: steps, learning_rate: 1e-4 },
    auto_start: true,
    ...extra,
  });
  const cls = (model: string, steps: number, extra: Partial<JobIn> = {}): JobIn => ({
    model,
    job_type: 'classifier',
    training_files: tf('intent-train'),
    validation_files: [file('intent-valid')],
    hyperparameters: { training_steps: steps, learning_rate: 1e-4 },
    auto_start: true,
    ...extra,
  });
  return [
    // Finished long ago.
    { agoMs: days(27), input: completion('ministral-8b-latest', 20, { suffix: 'first-try' }), byTeammate: true },
    { agoMs: days(25), input: completion('ministral-3b-latest', 40, { suffix: 'tiny' }) },
    {
      agoMs: days(21),
      input: completion('open-mistral-7b', 320, {
        suffix: 'support-bot',
        validation_files: [file('support-valid')],
        integrations: wandb('support-bot', 'run-320'),
      }),
    },
    {
      agoMs: days(18),
      input: completion('mistral-small-latest', 100, { suffix: 'legal-summ', training_files: tf('legal') }),
      byTeammate: true,
    },
    {
      agoMs: days(15),
      input: cls('ministral-3b-latest', 100, {
        suffix: 'intent-v1',
        integrations: wandb('intent-router'),
        classifier_targets: [
          {
            name: 'intent',
            labels: ['billing', 'cancel_subscription', 'greeting', 'tech_support', 'other'],
            weight: 1,
            loss_function: 'single_class',
          },
        ],
      }),
    },
    {
      agoMs: days(12),
      input: completion('codestral-latest', 50, {
        suffix: 'monorepo',
        training_files: tf('code'),
        repositories: [{ type: 'github', owner: 'acme', name: 'platform', ref: 'main', token: 'ghp_demo', weight: 1 }],
      }),
    },
    {
      agoMs: days(9),
      input: completion('open-mistral-nemo', null, {
        hyperparameters: { epochs: 3 },
        suffix: 'support-nemo',
        integrations: wandb('support-bot', 'nemo-3ep'),
      }),
      byTeammate: true,
    },
    {
      agoMs: days(6),
      input: completion('pixtral-12b-latest', null, {
        hyperparameters: { epochs: 2 },
        training_files: tf('satellite'),
        suffix: 'sat-captions',
      }),
    },
    {
      agoMs: days(3),
      input: cls('ministral-8b-latest', 60, {
        training_files: tf('products'),
        validation_files: null,
        suffix: 'catalog',
      }),
      byTeammate: true,
    },
    // Failures.
    {
      agoMs: days(10),
      input: completion('mistral-large-latest', 120, { suffix: 'legal-large', training_files: tf('legal') }),
      failAtStep: 37,
    },
    {
      agoMs: days(5),
      input: cls('ministral-3b-latest', 60, {
        suffix: 'intent-lr-hi',
        hyperparameters: { training_steps: 60, learning_rate: 0.5 },
      }),
      failAtStep: 12,
      byTeammate: true,
    },
    {
      agoMs: days(8),
      input: completion('open-mistral-7b', 30, {
        training_files: [{ file_id: rng.uuid(), weight: 1 }],
        suffix: 'deleted-file',
      }),
    },
    {
      agoMs: days(2),
      input: cls('ministral-3b-latest', 30, {
        training_files: tf('support-train'),
        validation_files: null,
        suffix: 'wrong-format',
      }),
    },
    // One run per verdict the curves should show at a glance, all with validation files and
    // dozens of checkpoints. Between 4 and 7 days old: on the list's first page, yet never the
    // newest finished job, which is the one end-to-end tests open.
    {
      // 80 steps of 131,072 tokens ≈ one pass over the 9.85 M data tokens: the second epoch memorises.
      agoMs: days(6.5),
      input: completion('open-mistral-7b', 240, {
        suffix: 'support-overfit',
        validation_files: [file('support-valid')],
      }),
      curve: { shape: 'overfit', fromStep: 80 },
    },
    {
      agoMs: days(5.5),
      input: cls('ministral-3b-latest', 80, { suffix: 'intent-plateau' }),
      curve: { shape: 'plateau', fromStep: 24 },
    },
    {
      agoMs: days(4.5),
      input: completion('mistral-small-latest', 80, {
        suffix: 'support-diverge',
        validation_files: [file('support-valid')],
        hyperparameters: { training_steps: 80, learning_rate: 1e-3 },
      }),
      curve: { shape: 'diverge', fromStep: 30 },
      failAtStep: 48,
      byTeammate: true,
    },
    // Cancelled: one while training, one while waiting to be started.
    {
      agoMs: days(7),
      input: completion('mistral-small-latest', 150, {
        suffix: 'too-long',
        integrations: wandb('support-bot', 'cancelled'),
      }),
      cancelAfterMs: ms(untilRun + runSeconds(150) / 3),
    },
    {
      agoMs: days(4),
      input: cls('ministral-8b-latest', 40, {
        auto_start: false,
        training_files: tf('products'),
        validation_files: null,
      }),
      cancelAfterMs: ms(untilRun + 3600),
    },
    // Waiting for a manual start, with cost and duration to read.
    {
      agoMs: days(1),
      input: completion('mistral-small-latest', 80, {
        auto_start: false,
        suffix: 'support-small',
        validation_files: [file('support-valid')],
      }),
    },
    {
      agoMs: ms(6 * 3600),
      input: cls('ministral-3b-latest', 50, { auto_start: false, suffix: 'intent-v2' }),
      byTeammate: true,
    },
    // Live now: these move on the clock as soon as the server runs.
    { agoMs: 0, input: completion('ministral-8b-latest', 40, { suffix: 'fresh' }) },
    {
      agoMs: ms(5),
      input: completion('ministral-8b-latest', 30, { training_files: tf('support-train'), suffix: 'checking' }),
      byTeammate: true,
    },
    {
      agoMs: ms(untilRun + 90),
      input: completion('open-mistral-7b', 800, {
        suffix: 'support-long',
        validation_files: [file('support-valid')],
        integrations: wandb('support-bot', 'long-800'),
      }),
    },
    {
      agoMs: ms(untilRun + 40),
      input: cls('ministral-3b-latest', 100, { suffix: 'intent-v3', integrations: wandb('intent-router', 'v3') }),
    },
    {
      agoMs: ms(untilRun + 50),
      input: completion('codestral-latest', 60, { training_files: tf('code'), suffix: 'code-review' }),
      byTeammate: true,
    },
    {
      agoMs: ms(untilRun + 60),
      input: completion('open-mistral-nemo', 200, { suffix: 'stop-me' }),
      cancelAfterMs: ms(untilRun + 60),
    },
    {
      agoMs: ms(40),
      input: completion('mistral-small-latest', 60, { auto_start: false, suffix: 'legacy-start' }),
      startAfterMs: ms(40),
      startedStatus: true,
    },
    {
      agoMs: ms(30),
      input: cls('ministral-8b-latest', 30, { auto_start: false, suffix: 'intent-small' }),
      startAfterMs: ms(29),
    },
  ];
}
