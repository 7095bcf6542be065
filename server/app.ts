/**
 * The emulator as a Hono app: one router per resource, one error policy, no port. index.ts
 * serves it; tests call `app.request()`.
 *
 * Auth: the emulator accepts any Bearer token or none, because it holds no secrets and runs on
 * loopback; with `requireKey` it answers 401 like Mistral's gateway when the header is missing.
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { randomBytes } from 'node:crypto';
import { MAX_UPLOAD_BYTES } from '../contract/files';
import { limitBody } from './body-limit';
import { chatRoutes, classificationRoutes, type ChatOptions } from './chat/routes';
import { systemClock, type Clock } from './clock';
import type { Db } from './db';
import { FilesRepo } from './files/repo';
import { fileRoutes } from './files/routes';
import { createFaults, type FaultOptions } from './faults/faults';
import type { Env } from './env';
import { ApiError } from './http';
import { JobsRepo } from './jobs/repo';
import { jobRoutes } from './jobs/routes';
import { ModelsRepo } from './models/repo';
import { fineTuningModelRoutes, modelRoutes } from './models/routes';

export interface AppOptions {
  db: Db;
  clock?: Clock;
  /** N makes every simulated duration N times shorter; stored per job when it is created. */
  timeScale?: number;
  /** Answer 401 to /v1 requests without `Authorization: Bearer …`. */
  requireKey?: boolean;
  logError?: (err: unknown) => void;
  /** Injected failures for tests and demos (faults/rules.ts); none by default. */
  faults?: FaultOptions;
  /** The pause between two events of a streamed chat completion (20 ms: visible, not slow). */
  chatTokenDelayMs?: number;
  /** Called when a streamed completion ends, finished or cut short by the client. */
  onStreamEnd?: ChatOptions['onStreamEnd'];
  /**
   * Behave as Mistral does since it retired fine-tuning training: 410 on every
   * `/v1/fine_tuning/jobs…` route, everything else (files, models, chat) as before.
   */
  retireJobs?: boolean;
}

/**
 * The 410 of a retired jobs route [inferred: the body is undocumented; this is the gateway's
 * error shape, as its 429s have it; the browser reads either shape (contract/errors.ts goneMessage)].
 */
export const JOBS_RETIRED_BODY = {
  object: 'error',
  message:
    'The fine-tuning jobs API has been retired: jobs can no longer be listed, created or changed. Fine-tuned models remain available through /v1/models.',
  type: 'gone',
  param: null,
  code: '410',
} as const;

/** The create body is small JSON; anything bigger is a client bug, not a job. */
export const MAX_JSON_BYTES = 1024 * 1024;

export function createApp({
  db,
  clock = systemClock,
  timeScale = 1,
  requireKey = false,
  logError = console.error,
  faults: faultOptions = {},
  chatTokenDelayMs = 20,
  onStreamEnd,
  retireJobs = false,
}: AppOptions) {
  const jobs = new JobsRepo(db);
  const files = new FilesRepo(db);
  const models = new ModelsRepo(db);
  const faults = createFaults(faultOptions);

  const app = new Hono<Env>()
    .get('/healthz', (c) => c.json({ status: 'ok' }))
    // Before auth and everything else: an overloaded gateway answers before it looks at keys.
    .use('/v1/*', faults.middleware)
    .use('/v1/*', async (c, next) => {
      if (requireKey && !/^Bearer \S+/.test(c.req.header('authorization') ?? '')) {
        return c.json({ message: 'Unauthorized', request_id: randomBytes(16).toString('hex') }, 401);
      }
      c.set('jobs', jobs);
      c.set('files', files);
      c.set('models', models);
      c.set('clock', clock);
      c.set('timeScale', timeScale);
      // Reads never show a stale status, even between timer ticks.
      jobs.tick(clock.now());
      await next();
    })
    // Hono's `/jobs/*` covers `/jobs` itself too.
    .use('/v1/fine_tuning/jobs/*', async (c, next) => (retireJobs ? c.json(JOBS_RETIRED_BODY, 410) : next()))
    .use('/v1/fine_tuning/*', limitBody(MAX_JSON_BYTES))
    .use('/v1/chat/*', limitBody(MAX_JSON_BYTES))
    .use('/v1/classifications', limitBody(MAX_JSON_BYTES))
    .use('/v1/files', limitBody(MAX_UPLOAD_BYTES))
    .route('/v1/fine_tuning/jobs', jobRoutes)
    .route('/v1/files', fileRoutes)
    .route('/v1/models', modelRoutes)
    .route('/v1/fine_tuning/models', fineTuningModelRoutes)
    .route('/v1/chat', chatRoutes({ tokenDelayMs: chatTokenDelayMs, onStreamEnd }))
    .route('/v1/classifications', classificationRoutes);

  if (faultOptions.control) app.route('/_emulator/faults', faults.control);
  app.notFound((c) => c.json({ detail: 'Not Found' }, 404));
  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json(err.body, err.status);
    if (err instanceof HTTPException && err.status < 500)
      return c.json({ detail: err.message || 'Bad Request' }, err.status);
    logError(err);
    return c.json({ detail: 'Internal Server Error' }, 500);
  });
  return app;
}
