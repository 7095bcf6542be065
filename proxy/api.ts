/**
 * The one proxy: every `/v1…` request and the backend info, for the dev and preview servers
 * (vite-plugin.ts) and the production server (serve.ts) alike, so a guard rule cannot live in one
 * path only (docs/decisions/0007-one-proxy.md). Testable with `app.request()` and a fake `fetch`.
 */
import { Hono } from 'hono';
import { BACKEND_INFO_PATH } from '../contract/backend.ts';
import { describeUpstream, type Upstream } from './config.ts';
import { forward, json, readJsonBody } from './forward.ts';
import { checkProxyRequest, isUpload } from './guard.ts';
import { upstreamFetch, type Fetch } from './upstream.ts';

export interface ApiProxyOptions {
  upstream: Upstream;
  /** The upstream client; tests pass a recording fake. */
  fetch?: Fetch;
}

/**
 * What the proxy answers. A prefix, not a route: `/v1%2F…` and `/v1.` are the proxy's to refuse,
 * never a static file's or a dev server's to serve.
 */
export const isProxyPath = (pathname: string) => pathname.startsWith('/v1') || pathname === BACKEND_INFO_PATH;

export function createApiProxy({ upstream, fetch = upstreamFetch }: ApiProxyOptions) {
  const info = JSON.stringify(describeUpstream(upstream));

  return (
    new Hono()
      // The answer changes with the server's environment, never with the request: no caching in between.
      .get(BACKEND_INFO_PATH, (c) => c.body(info, 200, { 'content-type': 'application/json', 'cache-control': 'no-store' }))
      .all('*', async (c) => {
        const req = c.req.raw;
        const url = new URL(req.url);
        // Node's servers keep `Host` in the request; `app.request()` in tests has only the URL.
        let headers = req.headers;
        if (!headers.has('host')) (headers = new Headers(headers)).set('host', url.host);
        const refusal = checkProxyRequest({ method: req.method, url: url.pathname + url.search, headers });
        if (refusal) return json(refusal.status, refusal.detail);
        if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') {
          return forward(req, null, upstream, fetch);
        }
        // Uploads stream through (their size is the API's business); JSON writes are small, read whole.
        if (isUpload(url.pathname)) return forward(req, req.body, upstream, fetch);
        const body = await readJsonBody(req);
        return body instanceof Response ? body : forward(req, body, upstream, fetch);
      })
  );
}
