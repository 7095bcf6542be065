/**
 * The production server: the built app and the one `/v1` proxy (api.ts) that development uses,
 * from one process. Everything is testable through `app.request()` with a fake upstream `fetch`.
 */
import type { HttpBindings } from '@hono/node-server';
import { createHash } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { createApiHandler, isProxyPath, requestPath } from './api.ts';
import type { Upstream } from './config.ts';
import { json } from './forward.ts';
import { hostChecker } from './host-check.ts';
import { lazyPageOf, preloadingPages } from './page-preloads.ts';
import { fileResponse, loadDist, precompress, staticFile } from './static-files.ts';
import type { Fetch } from './upstream.ts';

export interface ServeOptions {
  distDir: string;
  upstream: Upstream;
  fetch?: Fetch;
  /** Host names besides localhost and IP literals (see host-check.ts). */
  allowedHosts?: readonly string[];
}

/**
 * The tightest policy the app renders under in Chromium (e2e/serve.spec.ts watches for
 * violations): React and uPlot set styles through the CSSOM, which `style-src` does not govern,
 * so no 'unsafe-inline' is needed anywhere.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The page's inline scripts, each allowed by its hash (`'sha256-…'` in `script-src`) and nothing
 * else inline: index.html sets the theme with one, so the first paint waits for no script file.
 */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${createHash('sha256').update(body!).digest('base64')}'`,
  );
}

/** The security headers, for the static files (a middleware) and the proxy's answers alike. */
const securityHeaders = (scriptHashes: readonly string[]) =>
  secureHeaders({
    contentSecurityPolicy: {
      ...CONTENT_SECURITY_POLICY,
      scriptSrc: [...CONTENT_SECURITY_POLICY.scriptSrc, ...scriptHashes],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    // Only the TLS-terminating proxy in front knows whether the site is HTTPS-only.
    strictTransportSecurity: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
  });

/**
 * What `securityHeaders` sets, as a record made once: the proxy's answers carry it as they are
 * built instead of having the middleware set each header on each answer (a measured share of the
 * proxy's time, docs/decisions/0007-one-proxy.md).
 */
async function securityHeaderRecord(middleware: MiddlewareHandler): Promise<Record<string, string>> {
  const res = await new Hono()
    .use(middleware)
    .get('/', (c) => c.body(null))
    .request('/');
  const record: Record<string, string> = {};
  res.headers.forEach((value, name) => (record[name] = value));
  return record;
}

export function createServeApp(options: ServeOptions) {
  const files = loadDist(options.distDir);
  const index = files.get('/index.html');
  if (!index) throw new Error(`No index.html in ${options.distDir}: run npm run build first.`);
  const secured = securityHeaders(inlineScriptHashes(index.body.toString('utf8')));
  const security = securityHeaderRecord(secured);
  const api = security.then((headers) =>
    createApiHandler({ upstream: options.upstream, fetch: options.fetch, headers }),
  );
  const pages = new Map(
    [...preloadingPages(options.distDir, index.body)].map(([module, html]) => [
      module,
      staticFile('/index.html', html),
    ]),
  );
  const pageFor = (path: string) => pages.get(lazyPageOf(path) ?? '') ?? index;
  // A failed compression is retried by nobody and needed by nobody: the file goes out uncompressed.
  const ready = precompress([...files.values(), ...pages.values()]).catch((e: unknown) =>
    console.warn('Precompression failed:', e),
  );
  const hostAllowed = hostChecker(options.allowedHosts ?? []);

  const app = new Hono<{ Bindings: Partial<HttpBindings> }>();
  // First, for every request: a rebinding page must not reach the proxy either.
  app.use(async (c, next) => {
    if (hostAllowed(c.req.header('host') ?? new URL(c.req.url).host)) return next();
    return new Response('Blocked request: this host is not allowed. Add it to ALLOWED_HOSTS.', {
      status: 403,
      headers: { ...(await security), 'content-type': 'text/plain; charset=UTF-8' },
    });
  });
  // The proxy's answers carry the security headers themselves (createApiHandler's `headers`).
  app.use(async (c, next) => {
    const at = requestPath(c.req.url);
    return isProxyPath(at.pathname) ? (await api)(c.req.raw, c.env, at) : next();
  });
  app.use(secured);

  app.all('*', (c) => {
    const req = c.req.raw;
    const path = new URL(req.url).pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(405, 'Method Not Allowed', { allow: 'GET, HEAD' });
    const file = path === '/' || path === '/index.html' ? index : files.get(path);
    if (file) return fileResponse(file, req);
    // Client-side routes (/jobs/…) load the app; a missing asset must stay a 404, not become HTML.
    const wantsPage = (req.headers.get('accept') ?? '').includes('text/html');
    if (wantsPage && !path.startsWith('/assets/') && !path.startsWith('/_dashboard/'))
      return fileResponse(pageFor(path), req);
    return c.text('Not Found', 404);
  });

  /** `ready` settles when every text asset is compressed (tests wait for it). */
  return Object.assign(app, { ready });
}
