/** Test helpers: an app on an in-memory database with a hand-driven clock, and request shortcuts. */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { createApp, type AppOptions } from './app';
import { manualClock } from './clock';
import { openDb, type Db } from './db';
import { JobsRepo } from './jobs/repo';
import { FilesRepo } from './files/repo';
import type { ParsedFile } from './files/validate';

export const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);

/** An app on a fresh in-memory database; `options` as createApp takes them (the db and clock are the test's). */
export function setup(options: Omit<AppOptions, 'db' | 'clock' | 'logError'> = {}) {
  const db = openDb(':memory:');
  const clock = manualClock(T0);
  const errors: unknown[] = [];
  const app = createApp({ ...options, db, clock, logError: (e) => errors.push(e) });
  const files = new FilesRepo(db);
  let n = 0;
  const addFile = (parsed: ParsedFile = { kind: 'instruct', numLines: 100, dataTokens: 1_000_000 }) => {
    const id = `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
    files.insert({
      id,
      filename: `file-${n}.jsonl`,
      bytes: 4 * parsed.dataTokens,
      createdAt: Math.floor(clock.now() / 1000),
      purpose: 'fine-tune',
      mimetype: 'application/jsonl',
      content: null,
      parsed,
    });
    return id;
  };
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      ...(body === undefined
        ? {}
        : {
            body: typeof body === 'string' ? body : JSON.stringify(body),
            headers: { 'content-type': 'application/json' },
          }),
    });
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as unknown };
  };
  // Declared as Db, so that the declaration of setup()'s return type can name it.
  const handle: { db: Db } = { db };
  return {
    ...handle,
    jobs: new JobsRepo(db),
    closeDb: () => {
      db.close();
    },
    app,
    clock,
    errors,
    addFile,
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body),
    patch: (path: string, body?: unknown) => call('PATCH', path, body),
    del: (path: string) => call('DELETE', path),
  };
}
export type Setup = ReturnType<typeof setup>;

/**
 * `app` on a real loopback port, for what only a socket shows (an SDK's own HTTP client, a dropped
 * connection, a body sent in chunks). `close` resolves once every connection has ended.
 */
export async function listen(app: { fetch: (req: Request) => Response | Promise<Response> }) {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** `listen(app)` for a whole test file: up before its first test, closed after its last. */
export function listenDuringTests(app: Parameters<typeof listen>[0]) {
  let running: Awaited<ReturnType<typeof listen>> | undefined;
  beforeAll(async () => {
    running = await listen(app);
  });
  afterAll(() => running?.close());
  return {
    get url() {
      if (!running) throw new Error('Not listening yet: read the url inside a test.');
      return running.url;
    },
  };
}

export const classifierFile: ParsedFile = {
  kind: 'classifier',
  numLines: 50,
  dataTokens: 200_000,
  targets: { sentiment: { labels: ['neg', 'pos'], multi: false }, topics: { labels: ['a', 'b', 'c'], multi: true } },
};

/**
 * How much the best of the last `n` values improves on the best before them, as a fraction: the
 * patience test of early stopping, which noise alone cannot fool as a last-vs-first difference can.
 */
export function gainOfLast(values: number[], n: number): number {
  const before = Math.min(...values.slice(0, -n));
  return (before - Math.min(...values.slice(-n))) / before;
}
