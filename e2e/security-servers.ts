/**
 * Servers the security specs start for themselves, next to the emulator and the key-less server
 * that playwright.config.ts starts: a production build and a dev server that both hold a known
 * fake key, a recording upstream between them and the emulator, and a page on another origin.
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiPort } from './ports';
import { serverBundle } from '../proxy/build-server';

export const FAKE_KEY = 'sk-test-DO-NOT-LEAK-1234567890';
const EMULATOR = { host: '127.0.0.1', port: apiPort() };

export interface Running {
  url: string;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  const probe = http.createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function listen(server: http.Server, host = '127.0.0.1'): Promise<Running> {
  server.listen(0, host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { url: `http://${host}:${port}`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

let dist: string | undefined;
/** A production build made with the key in the environment, as a careless deploy would. */
export function buildOnce(): string {
  if (dist) return dist;
  const outDir = mkdtempSync(join(tmpdir(), 'dashboard-dist-'));
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      env: { ...process.env, MISTRAL_API_KEY: FAKE_KEY },
      stdio: 'pipe',
    },
  );
  process.once('exit', () => rmSync(outDir, { recursive: true, force: true }));
  return (dist = outDir);
}

/** Spawns `node args…` and resolves once `readyUrl` answers; `stop` sends SIGTERM and waits. */
export async function startNode(args: string[], env: Record<string, string>, url: string): Promise<Running> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = once(child, 'exit');
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  for (const until = Date.now() + 60_000; Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited:\n${output}`);
    try {
      if ((await fetch(url)).ok) return { url: url.replace(/\/$/, ''), stop };
    } catch {
      // not listening yet
    }
  }
  await stop();
  throw new Error(`${args.join(' ')} did not start:\n${output}`);
}

/** `npm run serve`, on a port of its own. */
export async function startProduction(upstreamUrl: string): Promise<Running> {
  const port = await freePort();
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    DIST_DIR: buildOnce(),
    MISTRAL_API_URL: upstreamUrl,
    MISTRAL_API_KEY: FAKE_KEY,
  };
  return startNode([serverBundle()], env, `http://127.0.0.1:${port}/`);
}

/** `npm run dev` with the key set; its own dependency cache, so the suite's dev server is untouched. */
export async function startDev(upstreamUrl: string): Promise<Running> {
  const port = await freePort();
  const cacheDir = mkdtempSync(join(tmpdir(), 'vite-cache-'));
  const script = `import { createServer } from 'vite';
    const server = await createServer({ cacheDir: process.env.E2E_CACHE_DIR, logLevel: 'warn' });
    await server.listen();
    process.once('SIGTERM', () => server.close().then(() => process.exit(0)));`;
  const env = {
    PORT: String(port),
    MISTRAL_API_URL: upstreamUrl,
    MISTRAL_API_KEY: FAKE_KEY,
    E2E_CACHE_DIR: cacheDir,
  };
  const running = await startNode(['--input-type=module', '-e', script], env, `http://127.0.0.1:${port}/`);
  return { ...running, stop: () => running.stop().then(() => rmSync(cacheDir, { recursive: true, force: true })) };
}

export interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

/**
 * The upstream the key-holding servers talk to: it records every request and passes it on to the
 * emulator, so the app renders real jobs. With `x-echo: 1` it answers with what it received instead.
 */
export async function startTap(): Promise<Running & { seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    if (req.headers['x-echo']) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ received: req.headers }));
      return;
    }
    const onward = http.request(
      {
        ...EMULATOR,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: `${EMULATOR.host}:${EMULATOR.port}` },
      },
      (up) => {
        // What a careless upstream might add: the proxies must not pass these on to the browser.
        res.writeHead(up.statusCode ?? 502, {
          ...up.headers,
          'set-cookie': 'upstream=1',
          'access-control-allow-origin': '*',
        });
        up.pipe(res);
      },
    );
    onward.on('error', () => res.writeHead(502).end());
    req.pipe(onward);
  });
  return Object.assign(await listen(server), { seen });
}

/** Serves `html` at `/` on http://localhost:<port>: another origin, and another site, than 127.0.0.1. */
export async function startOtherOrigin(html: () => string): Promise<Running> {
  const server = http.createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(html());
  });
  const running = await listen(server);
  return { ...running, url: running.url.replace('127.0.0.1', 'localhost') };
}

/** A raw request with a Host header of our choosing (fetch would not let us set it). */
export function requestWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
}

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A request as a client other than a browser may send it: any header (`Expect`, a malformed
 * `Origin`), a body sent only after `100 Continue` when asked, and an agent to reuse a connection.
 */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: http.OutgoingHttpHeaders; body?: string | Buffer; agent?: http.Agent } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const { method = 'GET', headers = {}, body, agent } = options;
    const req = http.request(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    if (headers.expect) req.once('continue', () => req.end(body));
    else req.end(body);
  });
}
