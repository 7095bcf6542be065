/**
 * How the API turns a request into a run, as far as it can be read off its answers: the emulator
 * plans by it (server/jobs/simulate.ts, build.ts) and the create form estimates by it
 * (src/features/create-job/estimate.ts), so the two agree by construction.
 */
export const TRAINING_PLAN = {
  /** Sequences per step: observed pairs (seq_len 16,384 → 65,536 tokens a step; 32,768 → 131,072). */
  sequencesPerStep: 4,
  /** Passes over the data when the request sets neither training_steps nor epochs [inferred]. */
  defaultEpochs: 1,
  /** The most steps the server derives from epochs [inferred]. */
  maxDerivedSteps: 1000,
  /** Characters a token holds, roughly, for counting a file's tokens before training [inferred]. */
  charsPerToken: 4,
  /** learning_rate when the request leaves it out (shared/api §3.1: "1e-4"). */
  defaultLearningRate: 1e-4,
} as const;
