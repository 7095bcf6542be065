/**
 * Every job the emulator accepts stays inside the contract for its whole life: the numbers it
 * derives (trained tokens = steps × seq_len × 4, cost, duration, checkpoints) are safe integers
 * and finite numbers, so the dashboard never meets a job it has to reject. The create body's
 * bounds are what make that true; these tests push them to their edges.
 */
import { describe, expect, test } from 'vitest';
import { detailListErrorSchema } from '../../contract/errors';
import {
  detailedJobSchema,
  HYPERPARAMETER_RANGES,
  jobSchema,
  type DetailedJob,
  type JobType,
} from '../../contract/jobs';
import { BASE_MODELS } from '../models/catalog';
import { prng } from '../random';
import { classifierFile, setup, type Setup } from '../testing';

const JOBS = '/v1/fine_tuning/jobs';
const { training_steps: STEPS, epochs: EPOCHS, seq_len: SEQ_LEN } = HYPERPARAMETER_RANGES;

describe('numbers whose products would leave the safe integers are refused on their field', () => {
  test.each([
    ['training_steps', Number.MAX_SAFE_INTEGER],
    ['training_steps', STEPS.max + 1],
    ['epochs', 1e300],
    ['epochs', EPOCHS.max + 0.5],
    ['seq_len', Number.MAX_SAFE_INTEGER],
  ])('%s %d → 422 less_than_equal', async (field, value) => {
    const s = setup();
    const res = await s.post(JOBS, {
      model: 'codestral-latest',
      training_files: [{ file_id: s.addFile() }],
      hyperparameters: { [field]: value },
    });
    expect(res.status).toBe(422);
    const le = HYPERPARAMETER_RANGES[field as keyof typeof HYPERPARAMETER_RANGES].max;
    expect(detailListErrorSchema.parse(res.body).detail).toEqual([
      {
        type: 'less_than_equal',
        loc: ['body', 'hyperparameters', field],
        msg: `Input should be less than or equal to ${le}`,
        input: value,
        ctx: { le },
      },
    ]);
  });
});

/** Walks a parsed job and collects every number that JSON or the contract could not carry. */
function unsafeNumbers(value: unknown, path = 'job'): string[] {
  if (typeof value === 'number') {
    const bad = !Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value));
    return bad ? [`${path} = ${value}`] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => unsafeNumbers(v, `${path}.${i}`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => unsafeNumbers(v, `${path}.${k}`));
  return [];
}

async function detail(s: Setup, id: string): Promise<DetailedJob> {
  const res = await s.get(`${JOBS}/${id}`);
  expect(res.status).toBe(200);
  const parsed = detailedJobSchema.safeParse(res.body);
  expect(parsed.error?.issues ?? [], JSON.stringify(res.body).slice(0, 300)).toEqual([]);
  expect(unsafeNumbers(res.body)).toEqual([]);
  return parsed.data!;
}

describe('the largest accepted values give a job the contract reads, validated and finished', () => {
  const draw = prng(20260115);
  type Case = { model: string; jobType: JobType; hyperparameters: Record<string, number> };
  const cases = BASE_MODELS.flatMap((m) =>
    m.fineTuning.flatMap((jobType): Case[] => {
      const seqLen = Math.min(m.maxContext, SEQ_LEN.max);
      return [
        // The extremes, then a few random points inside the accepted box.
        { model: m.id, jobType, hyperparameters: { training_steps: STEPS.max, seq_len: seqLen } },
        { model: m.id, jobType, hyperparameters: { epochs: EPOCHS.max, seq_len: seqLen } },
        { model: m.id, jobType, hyperparameters: { epochs: Number.MIN_VALUE, seq_len: SEQ_LEN.min } },
        ...Array.from({ length: 3 }, () => ({
          model: m.id,
          jobType,
          hyperparameters: {
            training_steps: draw.int(STEPS.min, STEPS.max),
            epochs: draw.next() * EPOCHS.max || EPOCHS.max,
            seq_len: draw.int(SEQ_LEN.min, seqLen),
          },
        })),
      ];
    }),
  ).map((c) => ({ ...c, label: `${c.model} ${c.jobType} ${JSON.stringify(c.hyperparameters)}` }));

  test.each(cases)('$label', async ({ model, jobType, hyperparameters }) => {
    const s = setup({ timeScale: 1000 });
    const file = jobType === 'classifier' ? s.addFile(classifierFile) : s.addFile();
    const res = await s.post(JOBS, {
      model,
      job_type: jobType,
      training_files: [{ file_id: file }],
      // As much repository data as the body limit allows would not move a number past 2^53 either.
      ...(jobType === 'completion'
        ? { repositories: Array.from({ length: 500 }, (_, i) => ({ owner: 'o', name: `r${i}`, token: 't' })) }
        : {}),
      hyperparameters,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { id } = jobSchema.parse(res.body);

    s.clock.advance(60_000);
    const validated = await detail(s, id);
    expect(validated.status).toBe('VALIDATED');
    expect(validated.metadata?.train_tokens).toBeGreaterThan(0);

    expect((await s.post(`${JOBS}/${id}/start`)).status).toBe(200);
    s.clock.advance(3_600_000);
    const done = await detail(s, id);
    expect(done.status).toBe('SUCCESS');
    expect(done.checkpoints.length).toBeGreaterThan(0);
    expect(done.trained_tokens).toBe(validated.metadata?.train_tokens);
  });
});
