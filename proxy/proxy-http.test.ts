/**
 * The production path over real sockets: Node's http server in front (as `npm run serve` runs it),
 * Node's http client behind. `app.request()` in serve.test.ts cannot take this path: answers are
 * written straight to Node's response there, and the upstream's sockets are kept alive.
 */
import { serve } from '@hono/node-server';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/app.ts';
import type { StreamEnd } from '../server/chat/stream.ts';
import { openDb } from '../server/db.ts';
import { resolveUpstream } from './config.ts';
import { KEY, dashboard, makeDist, removeDist } from './serve-fixture.ts';
import { createServeApp } from './serve.ts';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

let distDir = '';
beforeAll(() => void (distDir = makeDist()));
afterAll(() => removeDist(distDir));

const open: { close: () => void }[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

const listen = (server: http.Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );

/** An upstream answering with `handler`, and the production server in front of it. */
async function proxyTo(handler: Handler, configure: (upstream: http.Server) => void = () => {}) {
  const seen: http.IncomingMessage[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const upstream = http.createServer((req, res) => {
    seen.push(req);
    handler(req, res);
  });
  upstream.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  configure(upstream);
  const target = await listen(upstream);
  const app = createServeApp({
    distDir,
    upstream: resolveUpstream({ MISTRAL_API_URL: target, MISTRAL_API_KEY: KEY }),
  });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }) as http.Server;
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  open.push({
    close: () => {
      for (const s of [upstream, server]) {
        s.close();
        s.closeAllConnections();
      }
    },
  });
  return { base, seen, sockets };
}

/** A raw GET, so the test sees the bytes and headers exactly as sent (fetch would decode them). */
function get(url: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request(url, { method, headers: { ...dashboard, ...headers }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });
}

const LIST = JSON.stringify({
  object: 'list',
  data: Array.from({ length: 200 }, (_, i) => ({ id: `job-${i}`, status: 'SUCCESS' })),
});
const json: Handler = (_req, res) => {
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(LIST),
    etag: '"v1"',
    'set-cookie': 'upstream=1',
  });
  res.end(LIST);
};

describe('the production proxy over real sockets', () => {
  it('answers with the upstream body whole, its length, the security headers and the key sent upstream', async () => {
    const { base, seen } = await proxyTo(json);
    const res = await get(`${base}/v1/fine_tuning/jobs?page=0`, { cookie: 'session=1' });
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe(LIST);
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(LIST)));
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(seen[0]!.url).toBe('/v1/fine_tuning/jobs?page=0');
    expect(seen[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(seen[0]!.headers.cookie).toBeUndefined();
  });

  it('drops the upstream request when the client leaves before the answer', async () => {
    const upstreamGone: Promise<void>[] = [];
    // An upstream that never answers: only the client's going away can end its request.
    const { base } = await proxyTo((req) => {
      upstreamGone.push(new Promise((resolve) => req.socket.once('close', () => resolve())));
    });
    const client = http.request(`${base}/v1/fine_tuning/jobs`, { headers: dashboard, agent: false });
    client.on('error', () => {});
    client.end();
    for (let i = 0; i < 100 && upstreamGone.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(upstreamGone).toHaveLength(1);
    client.destroy();
    await expect(
      Promise.race([
        upstreamGone[0],
        new Promise((_, reject) => setTimeout(() => reject(new Error('still open')), 2000)),
      ]),
    ).resolves.toBeUndefined();
  });

  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)('compresses JSON with %s once, when the client accepts it', async (encoding, decode) => {
    const { base } = await proxyTo(json);
    const res = await get(`${base}/v1/fine_tuning/jobs`, { 'accept-encoding': encoding });
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.headers.vary).toBe('accept-encoding');
    expect(res.headers.etag).toBe('W/"v1"');
    expect(res.body.length).toBeLessThan(Buffer.byteLength(LIST) / 4);
    expect(decode(res.body).toString()).toBe(LIST);
  });

  it('passes an answer the upstream compressed as it came, never compressing it twice', async () => {
    const packed = gzipSync(LIST);
    const { base, seen } = await proxyTo((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': packed.length,
      });
      res.end(packed);
    });
    const res = await get(`${base}/v1/fine_tuning/jobs`, { 'accept-encoding': 'gzip, br' });
    expect(seen[0]!.headers['accept-encoding']).toBe('gzip, br');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body.equals(packed)).toBe(true);
  });

  it('streams an answer of unknown length', async () => {
    const { base } = await proxyTo((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(LIST.slice(0, 100));
      setTimeout(() => res.end(LIST.slice(100)), 20);
    });
    const res = await get(`${base}/v1/fine_tuning/jobs`);
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.body.toString()).toBe(LIST);
  });

  it('sends a read once more when the upstream closed the kept-alive socket under it', async () => {
    let n = 0;
    // The second request on a socket finds it closed without an answer, as when the upstream's
    // keep-alive timeout and the request cross on the wire.
    const { base, seen } = await proxyTo((req, res) => {
      if (n++ === 1) return void req.socket.destroy();
      json(req, res);
    });
    expect((await get(`${base}/v1/fine_tuning/jobs`)).status).toBe(200);
    const again = await get(`${base}/v1/fine_tuning/jobs`);
    expect(again.status).toBe(200);
    expect(again.body.toString()).toBe(LIST);
    expect(seen).toHaveLength(3);
  });

  it('never sends a write twice, even then', async () => {
    let n = 0;
    const { base, seen } = await proxyTo((req, res) => {
      if (n++ === 1) return void req.socket.destroy();
      req.resume();
      req.on('end', () => json(req, res));
    });
    expect((await get(`${base}/v1/fine_tuning/jobs`)).status).toBe(200);
    const write = await get(`${base}/v1/fine_tuning/jobs`, { 'content-type': 'application/json' }, 'POST');
    expect(write.status).toBe(502);
    expect(seen).toHaveLength(2);
  });

  it("drops an idle upstream socket before the upstream's own Keep-Alive timeout", async () => {
    const { base, sockets } = await proxyTo(json, (upstream) => {
      // Node's server then announces `Keep-Alive: timeout=2`.
      upstream.keepAliveTimeout = 2000;
    });
    expect((await get(`${base}/v1/fine_tuning/jobs`)).status).toBe(200);
    expect(sockets.size).toBe(1);
    // The agent closes a second before the announced timeout; the server would close at 2 s.
    await new Promise((r) => setTimeout(r, 1500));
    expect(sockets.size).toBe(0);
  });
});

describe('a streamed chat completion through the production proxy', () => {
  /** The real emulator behind the production server, both on real sockets. */
  async function emulatorBehindProxy(delayMs: number) {
    const db = openDb(':memory:');
    const ends: StreamEnd[] = [];
    const emulator = createApp({ db, chatTokenDelayMs: delayMs, onStreamEnd: (e) => ends.push(e) });
    const direct = serve({ fetch: emulator.fetch, hostname: '127.0.0.1', port: 0 }) as http.Server;
    await new Promise((r) => direct.once('listening', r));
    const target = `http://127.0.0.1:${(direct.address() as AddressInfo).port}`;
    const app = createServeApp({
      distDir,
      upstream: resolveUpstream({ MISTRAL_API_URL: target, MISTRAL_API_KEY: KEY }),
    });
    const proxy = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }) as http.Server;
    await new Promise((r) => proxy.once('listening', r));
    open.push({
      close: () => {
        for (const s of [proxy, direct]) {
          s.close();
          s.closeAllConnections();
        }
        db.close();
      },
    });
    return { direct: target, proxied: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, ends };
  }

  const BODY = JSON.stringify({
    model: 'open-mistral-7b',
    messages: [{ role: 'user', content: 'hello' }],
    stream: true,
  });

  /** When the first bytes came, how many streams had ended by then, and the whole answer. */
  function timedStream(url: string, ends: StreamEnd[], abortAfterFirst = false) {
    const started = performance.now();
    const endedBefore = ends.length;
    return new Promise<{
      first: number;
      total: number;
      endedAtFirst: number;
      headers: http.IncomingHttpHeaders;
      text: string;
    }>((resolve, reject) => {
      const headers = { ...dashboard, 'content-type': 'application/json', 'accept-encoding': 'gzip, br' };
      const req = http.request(`${url}/v1/chat/completions`, { method: 'POST', headers, agent: false }, (res) => {
        let first = 0;
        let endedAtFirst = 0;
        const chunks: Buffer[] = [];
        const done = () =>
          resolve({
            first,
            total: performance.now() - started,
            endedAtFirst,
            headers: res.headers,
            text: Buffer.concat(chunks).toString(),
          });
        res.on('data', (c: Buffer) => {
          if (chunks.length === 0) {
            first = performance.now() - started;
            endedAtFirst = ends.length - endedBefore;
            if (abortAfterFirst) {
              req.destroy();
              done();
            }
          }
          chunks.push(c);
        });
        res.on('end', done);
      });
      req.on('error', (e) => (abortAfterFirst ? undefined : reject(e)));
      req.end(BODY);
    });
  }
  const content = (text: string) =>
    text
      .split('\n\n')
      .filter((e) => e.startsWith('data: {'))
      .map(
        (e) =>
          (JSON.parse(e.slice(6)) as { choices: { delta: { content?: string } }[] }).choices[0]?.delta.content ?? '',
      )
      .join('');

  it('passes the events through as they come: uncompressed, unbuffered, the first as soon as direct', async () => {
    const { direct, proxied, ends } = await emulatorBehindProxy(25);
    const straight = await timedStream(direct, ends);
    const through = await timedStream(proxied, ends);
    expect(through.headers['content-type']).toBe('text/event-stream');
    expect(through.headers['content-encoding']).toBeUndefined();
    expect(through.headers['x-accel-buffering']).toBe('no');
    expect(through.headers['content-security-policy']).toBeDefined();
    // The first event is out of the proxy while the emulator is still writing the rest.
    expect(through.endedAtFirst).toBe(0);
    expect(through.first).toBeLessThan(through.total / 3);
    expect(through.first).toBeLessThan(straight.first + 50);
    expect(content(through.text)).toBe(content(straight.text));
    expect(through.text.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it('stops the generation upstream when the browser goes away', async () => {
    const { proxied, ends } = await emulatorBehindProxy(25);
    await timedStream(proxied, ends, true);
    for (let i = 0; i < 50 && ends.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(ends).toHaveLength(1);
    expect(ends[0]).toMatchObject({ aborted: true });
    expect(ends[0]!.events).toBeLessThan(6);
  });
});
