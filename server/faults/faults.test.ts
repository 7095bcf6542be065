import { describe, expect, it, test } from 'vitest';
import { detailListErrorSchema } from '../../contract/errors';
import { jobListSchema } from '../../contract/jobs';
import { setup, type Setup } from '../testing';
import type { FaultOptions } from './faults';
import { FAULT_BODIES, faultSettingsFromEnv, type ErrorFault } from './rules';

const JOBS = '/v1/fine_tuning/jobs';
const CONTROL = '/_emulator/faults';

const send = async (s: Setup, method: string, path: string, headers: Record<string, string> = {}, body?: unknown) => {
  const res = await s.app.request(path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : null };
};
const total = async (s: Setup) => jobListSchema.parse((await s.get(JOBS)).body).total;
const createBody = (s: Setup) => ({
  model: 'open-mistral-7b',
  training_files: [{ file_id: s.addFile() }],
  hyperparameters: {},
});
const ERRORS: [ErrorFault, number][] = [
  ['500', 500],
  ['502', 502],
  ['503', 503],
  ['504', 504],
  ['429', 429],
];

describe('x-emulator-fault header', () => {
  it.each(ERRORS)('%s → that status, the §5 body, marked as injected', async (fault, status) => {
    const s = setup();
    const res = await send(s, 'GET', JOBS, { 'x-emulator-fault': fault });
    expect(res.status).toBe(status);
    expect(res.body).toEqual(FAULT_BODIES[fault]);
    expect(res.headers.get('x-emulator-fault')).toBe(fault);
    expect(res.headers.get('retry-after')).toBe(fault === '429' ? '1' : null);
  });

  test('429 takes retry_after from the header, else from the options', async () => {
    const s = setup({ faults: { retryAfterSeconds: 7 } });
    expect((await send(s, 'GET', JOBS, { 'x-emulator-fault': '429' })).headers.get('retry-after')).toBe('7');
    const zero = await send(s, 'GET', JOBS, { 'x-emulator-fault': '429;retry_after=0' });
    expect(zero.headers.get('retry-after')).toBe('0');
  });

  test('times + key: the first N requests with that key fail, then they succeed', async () => {
    const s = setup();
    const statuses = async (value: string, n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await send(s, 'GET', JOBS, { 'x-emulator-fault': value })).status);
      return out;
    };
    expect(await statuses('503;times=2;key=a', 4)).toEqual([503, 503, 200, 200]);
    expect(await statuses('503;times=1;key=b', 2)).toEqual([503, 200]);
    // Without a key the count is per method, path and header value.
    expect(await statuses('500;times=1', 2)).toEqual([500, 200]);
    await s.app.request(CONTROL, { method: 'DELETE' });
    expect(await statuses('503;times=1;key=a', 1)).toEqual([200]);
  });

  test('a malformed header is a 400 that says the syntax', async () => {
    for (const value of ['418', 'slow;ms=-1', '503;times=0', '503;colour=red']) {
      const res = await send(setup(), 'GET', JOBS, { 'x-emulator-fault': value });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ detail: expect.stringContaining('<fault>[;times=N]') as string });
    }
  });

  test('a faulted create creates no job', async () => {
    const s = setup();
    for (const fault of ['500', '502', '503', '504', '429', 'drop']) {
      const res = await send(s, 'POST', JOBS, { 'x-emulator-fault': fault }, createBody(s));
      expect(res.headers.get('x-emulator-fault')).toBe(fault);
    }
    expect(await total(s)).toBe(0);
  });

  test('drop answers nothing (the marker under app.request); drop-after commits the create first', async () => {
    const s = setup();
    const dropped = await send(s, 'GET', JOBS, { 'x-emulator-fault': 'drop' });
    expect(dropped).toMatchObject({ status: 500, body: null });
    const after = await send(s, 'POST', JOBS, { 'x-emulator-fault': 'drop-after' }, createBody(s));
    expect(after).toMatchObject({ status: 500, body: null });
    expect(after.headers.get('x-emulator-fault')).toBe('drop-after');
    expect(await total(s)).toBe(1);
  });

  test('slow waits API_FAULT_SLOW_MS (or ms=) and then answers normally', async () => {
    const waits: number[] = [];
    const sleep = (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    };
    const s = setup({ faults: { sleep } });
    const res = await send(s, 'POST', JOBS, { 'x-emulator-fault': 'slow' }, createBody(s));
    expect(res.status).toBe(200);
    expect(res.headers.get('x-emulator-fault')).toBe('slow');
    await send(s, 'GET', JOBS, { 'x-emulator-fault': 'slow;ms=5' });
    expect(waits).toEqual([3000, 5]);
    expect(await total(s)).toBe(1);

    const real = setup({ faults: { slowMs: 60 } });
    const t0 = performance.now();
    expect((await send(real, 'GET', JOBS, { 'x-emulator-fault': 'slow' })).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(55);
  });

  test('hang answers nothing until the client leaves, and creates nothing', async () => {
    const s = setup();
    const client = new AbortController();
    let settled = false;
    const pending = Promise.resolve(
      s.app.request(JOBS, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-emulator-fault': 'hang' },
        body: JSON.stringify(createBody(s)),
        signal: client.signal,
      }),
    ).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    client.abort();
    const res = await pending;
    expect(res.headers.get('x-emulator-fault')).toBe('hang');
    expect(await total(s)).toBe(0);
  });

  test('hang;ms=N gives up after N ms and drops (the marker under app.request)', async () => {
    const waits: number[] = [];
    const s = setup({ faults: { sleep: (ms) => Promise.resolve(void waits.push(ms)) } });
    const res = await send(s, 'GET', JOBS, { 'x-emulator-fault': 'hang;ms=40000' });
    expect(res).toMatchObject({ status: 500, body: null });
    expect(res.headers.get('x-emulator-fault')).toBe('hang');
    expect(waits).toEqual([40000]);
  });

  test('/healthz is never faulted', async () => {
    expect((await send(setup(), 'GET', '/healthz', { 'x-emulator-fault': '500' })).status).toBe(200);
  });
});

describe('control endpoint /_emulator/faults', () => {
  const withControl = (faults: FaultOptions = {}) => setup({ faults: { control: true, ...faults } });

  test('is off unless enabled', async () => {
    expect((await send(setup(), 'GET', CONTROL)).status).toBe(404);
    expect((await send(setup(), 'POST', CONTROL, {}, { rules: [] })).status).toBe(404);
  });

  it.each(ERRORS)('%s for the next N matching requests, then normal answers', async (fault, status) => {
    const s = withControl();
    await send(s, 'POST', CONTROL, {}, { rules: [{ path: JOBS, method: 'GET', fault, times: 2 }] });
    const seen = [];
    for (let i = 0; i < 3; i++) seen.push((await send(s, 'GET', JOBS)).status);
    expect(seen).toEqual([status, status, 200]);
  });

  test('POST adds, GET lists what remains, DELETE clears; method and `*` prefix match', async () => {
    const s = withControl();
    const rules = [
      { path: JOBS, method: 'POST', fault: '503', times: 1 },
      { path: '/v1/fine_tuning/jobs/*', fault: '502' },
    ];
    expect((await send(s, 'POST', CONTROL, {}, { rules })).body).toEqual({
      rules: [rules[0], { ...rules[1], times: 1 }],
    });
    expect((await send(s, 'GET', JOBS)).status).toBe(200);
    expect((await send(s, 'POST', JOBS, {}, createBody(s))).status).toBe(503);
    expect(await total(s)).toBe(0);
    expect((await send(s, 'GET', `${JOBS}/x`)).status).toBe(502);
    expect((await send(s, 'GET', `${JOBS}/x`)).status).toBe(404);
    expect((await send(s, 'GET', CONTROL)).body).toEqual({ rules: [] });
    await send(s, 'POST', CONTROL, {}, { rules: [{ path: '/v1/*', fault: '500', times: 5 }] });
    expect((await send(s, 'GET', CONTROL)).body).toEqual({ rules: [{ path: '/v1/*', fault: '500', times: 5 }] });
    expect((await send(s, 'DELETE', CONTROL)).body).toEqual({ rules: [] });
    expect((await send(s, 'GET', '/v1/models')).status).toBe(200);
  });

  test('drop, drop-after and slow through rules', async () => {
    const s = withControl({ slowMs: 1 });
    const rules = [
      { path: JOBS, method: 'POST', fault: 'drop' },
      { path: JOBS, method: 'POST', fault: 'drop-after' },
      { path: JOBS, method: 'GET', fault: 'slow' },
    ];
    await send(s, 'POST', CONTROL, {}, { rules });
    expect((await send(s, 'POST', JOBS, {}, createBody(s))).headers.get('x-emulator-fault')).toBe('drop');
    expect((await send(s, 'POST', JOBS, {}, createBody(s))).headers.get('x-emulator-fault')).toBe('drop-after');
    const slow = await send(s, 'GET', JOBS);
    expect(slow.headers.get('x-emulator-fault')).toBe('slow');
    expect(jobListSchema.parse(slow.body).total).toBe(1);
  });

  test('bad rules are a 422 naming the field', async () => {
    const s = withControl();
    const res = await send(s, 'POST', CONTROL, {}, { rules: [{ path: '/healthz', fault: 'boom', times: 0 }] });
    expect(res.status).toBe(422);
    expect(detailListErrorSchema.parse(res.body).detail.map((d) => d.loc.join('.'))).toEqual([
      'body.rules.0.path',
      'body.rules.0.fault',
      'body.rules.0.times',
    ]);
  });
});

describe('API_FAULTS shares', () => {
  test('settings from the environment, with defaults and loud typos', () => {
    const env = faultSettingsFromEnv({ API_FAULTS: '500:0.1,429:0.05,slow:0.1,drop:0.05' });
    expect(env).toMatchObject({ slowMs: 3000, retryAfterSeconds: 1, control: false });
    expect(env.shares).toEqual([
      { fault: '500', share: 0.1 },
      { fault: '429', share: 0.05 },
      { fault: 'slow', share: 0.1 },
      { fault: 'drop', share: 0.05 },
    ]);
    const set = { API_FAULT_SLOW_MS: '20', API_FAULT_RETRY_AFTER: '0', API_FAULT_CONTROL: '1' };
    expect(faultSettingsFromEnv(set)).toMatchObject({ shares: [], slowMs: 20, retryAfterSeconds: 0, control: true });
    for (const API_FAULTS of ['500', '500:x', '418:0.1', '500:0.6,503:0.6']) {
      expect(() => faultSettingsFromEnv({ API_FAULTS })).toThrow(/API_FAULTS/);
    }
    expect(() => faultSettingsFromEnv({ API_FAULT_SLOW_MS: '-1' })).toThrow(/API_FAULT_SLOW_MS/);
  });

  test('each draw picks the fault whose slice of [0, 1) it falls in', async () => {
    const draws = [0.05, 0.12, 0.2, 0.27, 0.5, 0.99];
    const { shares } = faultSettingsFromEnv({ API_FAULTS: '500:0.1,429:0.05,slow:0.1,drop:0.05' });
    const s = setup({ faults: { shares, random: () => draws.shift() ?? 1, slowMs: 1 } });
    const seen = [];
    for (let i = 0; i < 6; i++) seen.push((await send(s, 'GET', JOBS)).headers.get('x-emulator-fault'));
    expect(seen).toEqual(['500', '429', 'slow', 'drop', null, null]);
  });

  test('a seeded run hits about the configured share, the same on every run', async () => {
    const settings = faultSettingsFromEnv({ API_FAULTS: '503:0.2', API_FAULT_SEED: '42' });
    const s = setup({ faults: settings });
    let failed = 0;
    for (let i = 0; i < 500; i++) if ((await send(s, 'GET', '/v1/models')).status === 503) failed++;
    expect(failed).toBeGreaterThan(70);
    expect(failed).toBeLessThan(130);
    const again = setup({ faults: faultSettingsFromEnv({ API_FAULTS: '503:0.2', API_FAULT_SEED: '42' }) });
    let failedAgain = 0;
    for (let i = 0; i < 500; i++) if ((await send(again, 'GET', '/v1/models')).status === 503) failedAgain++;
    expect(failedAgain).toBe(failed);
  });
});
