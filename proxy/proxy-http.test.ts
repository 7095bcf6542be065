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
