/**
 * The one proxy: every `/v1…` request and the backend info, for the dev and preview servers
 * (vite-plugin.ts) and the production server (serve.ts) alike, so a guard rule cannot live in one
 * path only (docs/decisions/0007-one-proxy.md). Testable with `app.request()` and a fake `fetch`.
 */
import type { HttpBindings } from '@hono/node-server';
import type { IncomingHttpHeaders } from 'node:http';
import { Hono } from 'hono';
import { BACKEND_INFO_PATH } from '../contract/backend-path.ts';
import { describeUpstream, type Upstream } from './config.ts';
import { forward, json, readJsonBody } from './forward.ts';
import { checkProxyRequest, isUpload } from './guard.ts';
import { fetchClient, httpClient, type Fetch } from './upstream.ts';

export interface ApiProxyOptions {
  upstream: Upstream;
  /** The upstream as a `fetch`; tests pass a recording fake. By default, Node's http client. */
  fetch?: Fetch;
  /** Headers for every answer (the production server's security headers), computed once. */
  headers?: Record<string, string>;
}

/**
 * What the proxy answers. A prefix, not a route: `/v1%2F…` and `/v1.` are the proxy's to refuse,
 * never a static file's or a dev server's to serve.
 */
export const isProxyPath = (pathname: string) => pathname.startsWith('/v1') || pathname === BACKEND_INFO_PATH;

/** Where a request goes: its path and query as sent (nothing decoded), and the path alone. */
export interface RequestPath {
  path: string;
  pathname: string;
}

/**
 * Worked out once a request, straight from the URL string (a URL object for every request is
 * measurable in the proxy's cost), by whoever routes it first, and handed down.
 */
export function requestPath(url: string): RequestPath {
  const path = url.slice(url.indexOf('/', url.indexOf('//') + 2));
  const query = path.indexOf('?');
  return { path, pathname: query < 0 ? path : path.slice(0, query) };
}

/** Node's `rawHeaders` form of a `Headers`, for requests that did not come through Node's server. */
function rawHeadersOf(headers: Headers): string[] {
  const raw: string[] = [];
  headers.forEach((value, name) => raw.push(name, value));
  return raw;
}

/** What the proxy is handed under @hono/node-server: Node's own request and response. */
export type ProxyBindings = Partial<HttpBindings> | undefined;

/**
 * The proxy's handler. Under @hono/node-server (the production server, the Vite middleware)
 * `env.incoming` is Node's request, whose headers are read as they came instead of through a
 * `Headers` built for each request. `at` is the request's path when the caller has routed on it.
 */
export function createApiHandler({ upstream, fetch, headers: extra = {} }: ApiProxyOptions) {
  const client = fetch ? fetchClient(upstream.target, fetch) : httpClient(upstream.target);
  const info = JSON.stringify(describeUpstream(upstream));
  // The answer changes with the server's environment, never with the request: no caching in between.
  const infoHeaders = { ...extra, 'content-type': 'application/json', 'cache-control': 'no-store' };

  return async (req: Request, env: ProxyBindings, at: RequestPath = requestPath(req.url)): Promise<Response> => {
    const { path, pathname } = at;
    if (pathname === BACKEND_INFO_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
      return new Response(req.method === 'HEAD' ? null : info, { status: 200, headers: infoHeaders });
    }
    const incoming = env?.incoming;
    // Under Node's server its own header record, which has `Host`; `app.request()` in tests has
    // only the URL, and a `Headers` built for the request.
    let headers: Headers | IncomingHttpHeaders | undefined = incoming?.headers;
    if (!headers) {
      headers = req.headers;
      if (!headers.has('host')) (headers = new Headers(headers)).set('host', new URL(req.url).host);
    }
    const refusal = checkProxyRequest({ method: req.method, url: path, headers });
    if (refusal) {
      const headers = refusal.allow ? { ...extra, allow: refusal.allow.join(', ') } : extra;
      return json(refusal.status, refusal.detail, headers);
    }
    const from = {
      method: req.method,
      path,
      rawHeaders: incoming?.rawHeaders ?? rawHeadersOf(req.headers),
      // Node's response says when the client goes away (forward.ts); reading `signal` would
      // make an AbortController for every request.
      signal: env?.outgoing ? undefined : req.signal,
      outgoing: env?.outgoing,
    };
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') {
      return forward(from, null, client, upstream.apiKey, extra);
    }
    // Uploads stream through (their size is the API's business); JSON writes are small, read whole.
    if (isUpload(pathname)) return forward(from, req.body, client, upstream.apiKey, extra);
    const body = await readJsonBody(req, extra);
    return body instanceof Response ? body : forward(from, body, client, upstream.apiKey, extra);
  };
}

/** The handler as a Hono app, for the dev and preview servers and for tests (`app.request()`). */
export function createApiProxy(options: ApiProxyOptions) {
  const handle = createApiHandler(options);
  return new Hono<{ Bindings: Partial<HttpBindings> }>().all('*', (c) => handle(c.req.raw, c.env));
}
