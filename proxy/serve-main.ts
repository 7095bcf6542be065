/**
 * `npm run serve`: the built dashboard and its `/v1` proxy on one port.
 *
 * Settings (environment):
 *   PORT             port                                   (default 8080)
 *   HOST             interface to listen on                 (default 127.0.0.1)
 *   ALLOWED_HOSTS    comma-separated extra Host names, `.example.com` for a domain and its subdomains
 *   MISTRAL_API_URL / MISTRAL_API_KEY   the upstream, as in development (proxy/config.ts)
 *   DIST_DIR         the built app                          (default <repo>/dist)
 */
import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeUpstream, resolveUpstream } from './config.ts';
import { parseAllowedHosts } from './host-check.ts';
import { createServeApp } from './serve.ts';

const env = process.env;
const host = env.HOST || '127.0.0.1';
const port = Number(env.PORT || 8080);
const distDir = resolve(env.DIST_DIR || fileURLToPath(new URL('../dist', import.meta.url)));

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid PORT=${env.PORT ?? ''}`);
  process.exit(1);
}
if (!existsSync(join(distDir, 'index.html'))) {
  console.error(`No built app at ${distDir} (index.html is missing): run npm run build first.`);
  process.exit(1);
}

const upstream = resolveUpstream(env);
// The configured interface is a name the server answers to; a wildcard address is not a name.
const allowedHosts = [...(['0.0.0.0', '::'].includes(host) ? [] : [host]), ...parseAllowedHosts(env.ALLOWED_HOSTS)];
const app = createServeApp({ distDir, upstream, allowedHosts });

const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
  const shown = ['0.0.0.0', '::'].includes(host) ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const backend = describeUpstream(upstream);
  console.log(`Dashboard on http://${shown}:${info.port}/`);
  console.log(`  /v1 → ${backend.target} (${backend.kind}, ${backend.authenticated ? 'key set' : 'no key'})`);
});

function shutdown(signal: string) {
  server.close(() => {
    console.log(`Dashboard server stopped (${signal}).`);
    process.exit(0);
  });
  // Keep-alive connections and open uploads can hold close() open; nothing here needs saving.
  setTimeout(() => process.exit(0), 3000).unref();
}
process.once('SIGINT', () => shutdown('SIGINT'));
process.once('SIGTERM', () => shutdown('SIGTERM'));
