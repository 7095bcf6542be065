/**
 * The dev and preview servers' side of the proxy: refuses what the guard refuses before Vite's
 * own proxy sees it, and tells the page which backend is behind `/v1`.
 */
import type { Connect, Plugin, ProxyOptions } from 'vite';
import { checkProxyRequest } from './guard.ts';
import type { Upstream } from './config.ts';
import { BACKEND_INFO_PATH, backendInfoResponse } from './backend-info.ts';
import { DROPPED_REQUEST_HEADERS, authorization, keepResponseHeader } from './forward.ts';

export { BACKEND_INFO_PATH };

function middleware(upstream: Upstream): Connect.NextHandleFunction {
  const info = backendInfoResponse(upstream);
  return (req, res, next) => {
    const url = req.url ?? '/';
    if (url === BACKEND_INFO_PATH) {
      for (const [name, value] of Object.entries(info.headers)) res.setHeader(name, value);
      res.end(info.body);
      return;
    }
    // Everything Vite's proxy could match passes the guard: `/v1%2F…` or `/v1.` must not slip by.
    if (!url.startsWith('/v1')) return next();
    const refusal = checkProxyRequest({ method: req.method ?? 'GET', url, headers: req.headers });
    if (!refusal) return next();
    res.statusCode = refusal.status;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ detail: refusal.detail }));
  };
}

export function dashboardProxy(upstream: Upstream): Plugin {
  return {
    name: 'dashboard-proxy-guard',
    // Vite answers CORS for any localhost origin by default, which would let another local site
    // read jobs through the key-holding proxy. The dashboard is same-origin and needs no CORS.
    config: () => ({ server: { cors: false }, preview: { cors: false } }),
    configureServer: (server) => void server.middlewares.use(middleware(upstream)),
    configurePreviewServer: (server) => void server.middlewares.use(middleware(upstream)),
  };
}

export function proxyOptions(upstream: Upstream): Record<string, ProxyOptions> {
  const auth = authorization(upstream);
  return {
    // A regex key: only `/v1/…` is proxied at all; the guard above still sees every `/v1*`.
    '^/v1/': {
      target: upstream.target,
      changeOrigin: true,
      secure: true,
      configure: (proxy) => {
        proxy.on('proxyReq', (proxyReq) => {
          for (const name of DROPPED_REQUEST_HEADERS) proxyReq.removeHeader(name);
          if (auth) proxyReq.setHeader('authorization', auth);
        });
        // Runs before the proxy copies the upstream's headers to the browser.
        proxy.on('proxyRes', (proxyRes) => {
          for (const name of Object.keys(proxyRes.headers)) {
            if (!keepResponseHeader(name) && !['content-length', 'content-encoding'].includes(name)) {
              delete proxyRes.headers[name];
            }
          }
        });
      },
    },
  };
}
