/**
 * Injected faults for the /v1 API: a middleware that decides before the handler runs (so a
 * faulted create never creates a job), and the optional /_emulator/faults control routes.
 * Precedence: the request's own header, then control rules in the order added, then the shares.
 */
import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { detailError, readJson, validated } from '../http';
import {
  FAULT_BODIES,
  FAULT_HEADER,
  faultRulesInSchema,
  HEADER_SYNTAX,
  parseFaultHeader,
  pathMatches,
  type FaultRule,
  type FaultShare,
  type HeaderFault,
} from './rules';

export interface FaultOptions {
  shares?: FaultShare[];
  /** Uniform in [0, 1); injectable so share tests are deterministic. */
  random?: () => number;
  slowMs?: number;
  retryAfterSeconds?: number;
  /** Serve /_emulator/faults (API_FAULT_CONTROL=1). */
  control?: boolean;
  sleep?: (ms: number) => Promise<void>;
}

type Chosen = Pick<HeaderFault, 'fault' | 'ms' | 'retry_after'>;

/** Header keys are test-chosen; a runaway test must not grow the map forever. */
const MAX_KEYS = 10_000;

/**
 * Closes the connection without answering. Under app.request() there is no socket: the empty
 * 500 marked with the fault header stands for the silence a real client would get.
 */
function drop(c: Context, fault: string): Response {
  (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket.destroy();
  return new Response(null, { status: 500, headers: { [FAULT_HEADER]: fault } });
}

/** Resolves when the client goes away (its request's signal), or after `ms` when given. */
function silence(c: Context, ms: number | undefined, sleep: (ms: number) => Promise<void>): Promise<void> {
  const signal = c.req.raw.signal;
  return new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
    if (ms !== undefined) void sleep(ms).then(resolve);
  });
}

export function createFaults({
  shares = [],
  random = Math.random,
  slowMs = 3000,
  retryAfterSeconds = 1,
  sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
}: FaultOptions = {}) {
  let rules: FaultRule[] = [];
  const seen = new Map<string, number>();

  function fromHeader(c: Context, value: string): Chosen | null {
    const h = parseFaultHeader(value);
    if (!h) throw detailError(400, `Invalid ${FAULT_HEADER} header "${value}": expected ${HEADER_SYNTAX}.`);
    if (h.times === undefined) return h;
    const key = h.key ?? `${c.req.method} ${c.req.path} ${value}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.delete(key);
    seen.set(key, n);
    if (seen.size > MAX_KEYS) seen.delete(seen.keys().next().value as string);
    return n <= h.times ? h : null;
  }

  function fromRules(c: Context): Chosen | null {
    const rule = rules.find((r) => (r.method ?? c.req.method) === c.req.method && pathMatches(r.path, c.req.path));
    if (!rule) return null;
    if (--rule.times === 0) rules = rules.filter((r) => r !== rule);
    return rule;
  }

  function fromShares(): Chosen | null {
    let r = random();
    for (const s of shares) {
      if (r < s.share) return { fault: s.fault };
      r -= s.share;
    }
    return null;
  }

  const middleware: MiddlewareHandler = async (c, next) => {
    const header = c.req.header(FAULT_HEADER);
    const chosen = header === undefined ? (fromRules(c) ?? fromShares()) : fromHeader(c, header);
    if (!chosen) return next();
    const { fault } = chosen;
    // Marks injected failures so a test or a log never mistakes them for real ones.
    c.header(FAULT_HEADER, fault);
    switch (fault) {
      case 'slow':
        await sleep(chosen.ms ?? slowMs);
        return next();
      case 'hang':
        await silence(c, chosen.ms, sleep);
        return drop(c, fault);
      case 'drop':
        return drop(c, fault);
      case 'drop-after':
        await next();
        c.res = drop(c, fault);
        return;
      default:
        if (fault === '429') c.header('retry-after', String(chosen.retry_after ?? retryAfterSeconds));
        return c.json(FAULT_BODIES[fault], Number(fault) as ContentfulStatusCode);
    }
  };

  const control = new Hono()
    .get('/', (c) => c.json({ rules }))
    .post('/', async (c) => {
      rules.push(...validated(faultRulesInSchema, await readJson(c), 'body').rules);
      return c.json({ rules });
    })
    .delete('/', (c) => {
      rules = [];
      seen.clear();
      return c.json({ rules });
    });

  return { middleware, control };
}
