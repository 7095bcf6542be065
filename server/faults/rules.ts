/**
 * What the emulator's injected faults are and how they are asked for: a share of requests from
 * the environment, one request at a time by header, or "the next N requests on this path" through
 * the control endpoint (for browser tests, which cannot add headers to the app's own fetches).
 */
import * as z from 'zod/mini';
import type { ErrorBody } from '../../contract/errors';
import { prng } from '../random';

export const FAULT_HEADER = 'x-emulator-fault';

/**
 * `drop` closes the connection before the handler runs; `drop-after` runs it first (a create is
 * committed) and then drops: the case where a client must not blindly resend. `hang` never
 * answers: an upstream that accepted the connection and went silent, the one failure a client
 * only notices by its own clock (it holds the request until the client leaves, or `ms`, then drops).
 */
export const FAULT_KINDS = ['500', '502', '503', '504', '429', 'slow', 'hang', 'drop', 'drop-after'] as const;
export const faultKindSchema = z.enum(FAULT_KINDS);
export type FaultKind = z.infer<typeof faultKindSchema>;
export type ErrorFault = Exclude<FaultKind, 'slow' | 'hang' | 'drop' | 'drop-after'>;

/** 5xx as shared/api §5 reports them: the service's `detail`, the gateway's bare `message`. */
export const FAULT_BODIES: Record<ErrorFault, ErrorBody> = {
  '500': { detail: 'Internal Server Error' },
  '502': { message: 'Bad Gateway' },
  '503': { detail: 'Service Unavailable' },
  '504': { message: 'Gateway Timeout' },
  '429': { message: 'Requests rate limit exceeded' },
};

const count = z.int().check(z.gte(0));
/** Per-fault overrides: `ms` for slow (and for how long a hang lasts), `retry_after` (seconds) for 429. */
const overrides = { ms: z.optional(count), retry_after: z.optional(count) };

export const faultRuleSchema = z.strictObject({
  /** Exact path, or a prefix ending in `*`. */
  path: z.string().check(z.regex(/^\/v1\//, 'Faults apply to /v1/ paths only')),
  method: z.optional(z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])),
  fault: faultKindSchema,
  times: z._default(z.int().check(z.gte(1)), 1),
  ...overrides,
});
export type FaultRule = z.output<typeof faultRuleSchema>;
export const faultRulesInSchema = z.strictObject({ rules: z.array(faultRuleSchema) });

const headerSchema = z.strictObject({
  fault: faultKindSchema,
  times: z.optional(z.int().check(z.gte(1))),
  key: z.optional(z.string().check(z.minLength(1))),
  ...overrides,
});
export type HeaderFault = z.output<typeof headerSchema>;
export const HEADER_SYNTAX = `<fault>[;times=N][;key=K][;ms=N][;retry_after=N], fault one of ${FAULT_KINDS.join(', ')}`;

/** `503;times=2;key=k` → `{fault: '503', times: 2, key: 'k'}`; null when malformed. */
export function parseFaultHeader(value: string): HeaderFault | null {
  const [fault, ...params] = value.split(';').map((p) => p.trim());
  const fields: Record<string, unknown> = { fault };
  for (const p of params) {
    const [name = '', v = ''] = p.split('=', 2);
    fields[name] = name !== 'key' && /^\d+$/.test(v) ? Number(v) : v;
  }
  const parsed = headerSchema.safeParse(fields);
  return parsed.success ? parsed.data : null;
}

export const pathMatches = (pattern: string, path: string) =>
  pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;

export interface FaultShare {
  fault: FaultKind;
  share: number;
}

/** `"500:0.1,429:0.05"` → shares of requests; throws with a readable message on a typo. */
export function parseShares(text: string): FaultShare[] {
  const shares = text
    .split(',')
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const [name, value = ''] = part.trim().split(':');
      const fault = faultKindSchema.safeParse(name);
      const share = value.trim() === '' ? NaN : Number(value);
      if (!fault.success || !(share >= 0 && share <= 1)) {
        throw new Error(`API_FAULTS: "${part}" is not <fault>:<share 0..1> (faults: ${FAULT_KINDS.join(', ')})`);
      }
      return { fault: fault.data, share };
    });
  const total = shares.reduce((sum, s) => sum + s.share, 0);
  if (total > 1 + 1e-9) throw new Error(`API_FAULTS: the shares add up to ${total}, more than 1`);
  return shares;
}

/** What index.ts reads from the environment (see its header comment); throws on bad values. */
export function faultSettingsFromEnv(env: Record<string, string | undefined>) {
  const number = (name: string, fallback: number) => {
    const n = Number(env[name] || fallback);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name}=${env[name]} is not a whole number ≥ 0`);
    return n;
  };
  // Seeded when asked, so a demo or a flaky-looking run can be replayed fault for fault.
  const seed = env.API_FAULT_SEED ? number('API_FAULT_SEED', 0) : Date.now();
  return {
    shares: parseShares(env.API_FAULTS ?? ''),
    slowMs: number('API_FAULT_SLOW_MS', 3000),
    retryAfterSeconds: number('API_FAULT_RETRY_AFTER', 1),
    control: env.API_FAULT_CONTROL === '1',
    random: prng(seed).next,
  };
}
