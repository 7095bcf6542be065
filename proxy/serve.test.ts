import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_BYTES } from '../server/app';
import { MAX_JSON_BODY_BYTES } from './forward';
import { KEY, dashboard, makeDist, page, removeDist, setup as setupWith } from './serve-fixture';

let distDir = '';
beforeAll(() => void (distDir = makeDist()));
afterAll(() => removeDist(distDir));
const setup = (answer?: Parameters<typeof setupWith>[1]) => setupWith(distDir, answer);

describe('proxy', () => {
  it('forwards a GET with the key added and the browser credentials dropped', async () => {
    const { app, seen } = setup();
    const res = await app.request('/v1/fine_tuning/jobs?page=0', {
      headers: {
        ...dashboard,
        cookie: 'session=1',
        referer: 'http://127.0.0.1:8080/',
        authorization: 'Bearer browser',
      },
    });
    expect(res.status).toBe(200);
    expect(seen[0]!.url).toBe('http://upstream.test/v1/fine_tuning/jobs?page=0');
    expect(seen[0]!.headers.get('authorization')).toBe(`Bearer ${KEY}`);
    for (const h of ['cookie', 'origin', 'referer']) expect(seen[0]!.headers.get(h)).toBeNull();
  });

  it('streams a multipart upload through unchanged', async () => {
    const { app, seen } = setup(async (req) => Response.json({ bytes: (await req.arrayBuffer()).byteLength }));
    const form = new FormData();
    form.set('purpose', 'fine-tune');
    form.set('file', new File(['{"messages":[]}\n'.repeat(1000)], 'train.jsonl'));
    const body = new Request('http://x/', { method: 'POST', body: form });
    const bytes = await body.clone().arrayBuffer();
    const res = await app.request('/v1/files', {
      method: 'POST',
      headers: { ...dashboard, 'content-type': body.headers.get('content-type')! },
      body: body.body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ bytes: bytes.byteLength });
    expect(seen[0]!.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
  });

  it('passes status, content-type and retry-after; drops set-cookie, CORS and hop-by-hop headers', async () => {
    const headers = {
      'content-type': 'application/json',
      'retry-after': '3',
      'set-cookie': 'a=b',
      'access-control-allow-origin': '*',
      connection: 'close',
      'strict-transport-security': 'max-age=1',
    };
    const { app } = setup(() => new Response('{"detail":"slow down"}', { status: 429, headers }));
    const res = await app.request('/v1/models', { headers: dashboard });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(res.headers.get('content-type')).toBe('application/json');
    for (const h of ['set-cookie', 'access-control-allow-origin', 'connection', 'strict-transport-security'])
      expect(res.headers.get(h)).toBeNull();
  });

  it('answers 502 when the upstream cannot be reached', async () => {
    const { app } = setup(() => Promise.reject(new TypeError('fetch failed')));
    const res = await app.request('/v1/models', { headers: dashboard });
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({ detail: 'Upstream API unreachable' });
  });

  it.each([
    '/v1/embeddings',
    '/v1/agents',
    '/v1/fine_tuning/jobs/../../embeddings',
    '/v1/files/a%2F..%2F..%2Fchat',
    '/v1/models/x/archive',
    '/v1',
  ])('refuses %s with 404 without reaching the upstream', async (path) => {
    const { app, seen } = setup();
    expect((await app.request(path, { headers: dashboard })).status).toBe(404);
    expect(seen).toHaveLength(0);
  });

  it.each([
    ['GET', '/v1/chat/completions'],
    ['GET', '/v1/fine_tuning/jobs/../../chat/completions'],
    ['PATCH', '/v1/fine_tuning/jobs/abc'],
    ['PUT', '/v1/models/open-mistral-7b'],
  ])('refuses %s %s with 405 and Allow, without reaching the upstream', async (method, path) => {
    const { app, seen } = setup();
    const res = await app.request(path, { method, headers: dashboard });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toMatch(/^[A-Z]+(, [A-Z]+)*$/);
    expect(res.headers.get('allow')).not.toContain(method);
    expect(seen).toHaveLength(0);
  });

  it.each([
    [
      'a cross-site form post',
      '/v1/fine_tuning/jobs',
      { host: page.host, origin: 'http://evil.test', 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' },
    ],
    [
      'a no-cors fetch from another origin',
      '/v1/fine_tuning/jobs/j1/cancel',
      { host: page.host, origin: 'http://localhost:3000', 'sec-fetch-site': 'same-site' },
    ],
    [
      'a sandboxed page (Origin: null)',
      '/v1/fine_tuning/jobs/j1/start',
      { host: page.host, origin: 'null', 'content-type': 'application/json' },
    ],
    [
      'a write without the client header from an old browser',
      '/v1/fine_tuning/jobs/j1/start',
      { host: page.host, 'content-type': 'text/plain' },
    ],
  ])('refuses %s with 403 without reaching the upstream', async (_name, path, headers) => {
    const { app, seen } = setup();
    const res = await app.request(path, { method: 'POST', headers, body: '{"model":"x"}' });
    expect(res.status).toBe(403);
    expect(seen).toHaveLength(0);
  });

  it('refuses a write with a malformed Origin with 403, not a crash', async () => {
    const { app, seen } = setup();
    const res = await app.request('/v1/fine_tuning/jobs', {
      method: 'POST',
      headers: { ...dashboard, origin: 'garbage', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect(seen).toHaveLength(0);
  });

  it('refuses a read another site makes (the key would be spent for it)', async () => {
    const { app, seen } = setup();
    const res = await app.request('/v1/fine_tuning/jobs', {
      headers: { host: page.host, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' },
    });
    expect(res.status).toBe(403);
    expect(seen).toHaveLength(0);
  });

  it('answers 413 to a declared body over the limit without reading it or reaching the upstream', async () => {
    const { app, seen } = setup();
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull: (c) => void (pulled++ < 100 ? c.enqueue(new Uint8Array(64 * 1024)) : c.close()),
    });
    const res = await app.request('/v1/fine_tuning/jobs', {
      method: 'POST',
      headers: { ...dashboard, 'content-type': 'application/json', 'content-length': String(MAX_JSON_BYTES + 1) },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ detail: 'Request body is too large (limit 1 MB).' });
    expect(seen).toHaveLength(0);
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('answers 413 to an undeclared body once it passes the limit, and never forwards it', async () => {
    const { app, seen } = setup();
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new Uint8Array(64 * 1024 + 1));
        c.close();
      },
    });
    const res = await app.request('/v1/fine_tuning/jobs', {
      method: 'POST',
      headers: { ...dashboard, 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(seen).toHaveLength(0);
  });

  it("the bound on JSON bodies is the emulator's", () => {
    expect(MAX_JSON_BODY_BYTES).toBe(MAX_JSON_BYTES);
  });

  it('lets the dashboard create, start and cancel', async () => {
    const { app, seen } = setup();
    for (const path of ['/v1/fine_tuning/jobs', '/v1/fine_tuning/jobs/j1/start', '/v1/fine_tuning/jobs/j1/cancel']) {
      const res = await app.request(path, {
        method: 'POST',
        headers: { ...dashboard, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(res.status).toBe(200);
    }
    expect(seen.map((r) => r.method)).toEqual(['POST', 'POST', 'POST']);
  });

  it('lets the dashboard rename, archive, unarchive and delete a model, chat and classify', async () => {
    const { app, seen } = setup();
    const id = encodeURIComponent('ft:open-mistral-7b:5e7f1c2a:20260115:abcd1234');
    const calls = [
      ['PATCH', `/v1/fine_tuning/models/${id}`, '{"name":"v2"}'],
      ['POST', `/v1/fine_tuning/models/${id}/archive`, undefined],
      ['DELETE', `/v1/fine_tuning/models/${id}/archive`, undefined],
      ['DELETE', `/v1/models/${id}`, undefined],
      ['POST', '/v1/chat/completions', '{"model":"m","messages":[]}'],
      ['POST', '/v1/classifications', '{"model":"m","input":"x"}'],
    ] as const;
    for (const [method, path, body] of calls) {
      const headers = body ? { ...dashboard, 'content-type': 'application/json' } : dashboard;
      const res = await app.request(path, { method, headers, body });
      expect(res.status, `${method} ${path}`).toBe(200);
    }
    expect(seen.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual(calls.map(([m, p]) => `${m} ${p}`));
    expect(await seen[0]!.text()).toBe('{"name":"v2"}');
    expect(seen.every((r) => r.headers.get('authorization') === `Bearer ${KEY}`)).toBe(true);
  });
});

describe('backend info', () => {
  it('says which backend, never the key', async () => {
    const { app } = setup();
    const res = await app.request('/_dashboard/backend', { headers: page });
    expect(await res.json()).toEqual({ kind: 'custom', target: 'http://upstream.test', authenticated: true });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
