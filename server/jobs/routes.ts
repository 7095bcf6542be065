/** The five fine-tuning job endpoints, validated with the shared contract. */
import { Hono } from 'hono';
import { randomUUID } from 'node:crypto';
import { jobInRules, jobInSchema } from '../../contract/job-in';
import { listJobsQuerySchema } from '../../contract/jobs';
import { NOT_FOUND_DETAIL } from '../../contract/errors';
import { rulesToDetail } from '../../contract/validation';
import type { Env } from '../env';
import { detailError, readJson, validated, validationError } from '../http';
import { fineTunable } from '../models/catalog';
import { buildJob } from './build';
import { decideCancel, decideStart, type Decide } from './lifecycle';

export const jobRoutes = new Hono<Env>()
  .get('/', (c) => {
    return c.json(c.var.jobs.list(validated(listJobsQuerySchema, c.req.query(), 'query')));
  })
  .post('/', async (c) => {
    const input = validated(jobInSchema, await readJson(c), 'body');
    const broken = jobInRules(input);
    if (broken.length > 0) throw validationError(rulesToDetail(broken));
    const jobType = input.job_type ?? 'completion';
    const model = fineTunable(input.model, jobType);
    if (!model) throw detailError(422, `Model not available for this type of fine-tuning (${jobType}).`);
    // [inferred] A sequence longer than the model's context cannot train; only the server knows the limit.
    const seqLen = input.hyperparameters.seq_len;
    if (seqLen != null && seqLen > model.maxContext) {
      throw validationError([
        {
          type: 'less_than_equal',
          loc: ['body', 'hyperparameters', 'seq_len'],
          msg: `Input should be less than or equal to ${model.maxContext} (the context length of ${model.id})`,
          input: seqLen,
          ctx: { le: model.maxContext },
        },
      ]);
    }
    const { clock, files, jobs, timeScale } = c.var;
    // The emulator has one user, so every job made through the API is "created by me"; only the
    // seed adds jobs by "a teammate" (created_by_me = 0), which is what the list filter can hide.
    const job = buildJob(input, {
      id: randomUUID(),
      nowMs: clock.now(),
      timeScale,
      createdByMe: true,
      model,
      file: (id) => files.facts(id),
    });
    if (c.req.query('dry_run') === 'true') {
      // The legacy dry run (SPEC LegacyJobMetadataOut): the plan, nothing stored.
      if (job.validation_error) throw detailError(422, job.validation_error);
      const { training_steps, epochs, metadata } = job.plan;
      return c.json({ object: 'job.metadata', deprecated: true, details: '', ...metadata, training_steps, epochs });
    }
    // 200 rather than 201: the SDK rejects any other success status.
    return c.json(jobs.insert(job));
  })
  .get('/:id', (c) => {
    const job = c.var.jobs.get(c.req.param('id'));
    if (!job) throw detailError(404, NOT_FOUND_DETAIL);
    return c.json(job);
  })
  .post('/:id/cancel', (c) => c.json(act(c.var, c.req.param('id'), decideCancel)))
  .post('/:id/start', (c) => c.json(act(c.var, c.req.param('id'), decideStart)));

function act({ jobs, clock }: Env['Variables'], id: string, decide: Decide) {
  const result = jobs.act(id, clock.now(), decide);
  if (!result.found) throw detailError(404, NOT_FOUND_DETAIL);
  if (!result.ok) throw detailError(409, result.reason);
  return result.job;
}
