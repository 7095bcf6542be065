/**
 * The dev and preview servers' side of the proxy: refuses what the guard refuses before Vite's
 * own proxy sees it, and tells the page which backend is behind `/v1`.
 */
import type { Connect, Plugin, ProxyOptions } from 'vite';
import { checkProxyRequest } from './guard.ts';
import { describeUpstream, type Upstream } from './config.ts';

export const BACKEND_INFO_PATH = '/_dashboard/backend';

function middleware(upstream: Upstream): Connect.NextHandleFunction {
  const info = JSON.stringify(describeUpstream(upstream));
  return (req, res, next) => {
    const url = req.url ?? '/';
    if (url === BACKEND_INFO_PATH) {
      res.setHeader('content-type', 'application/json');
      res.setHeader('cache-control', 'no-store');
      res.end(info);
      return;
    }
    if (!url.startsWith('/v1/') && url !== '/v1') return next();
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
    configureServer: (server) => void server.middlewares.use(middleware(upstream)),
    configurePreviewServer: (server) => void server.middlewares.use(middleware(upstream)),
  };
}

export function proxyOptions(upstream: Upstream): Record<string, ProxyOptions> {
  return {
    '/v1': {
      target: upstream.target,
      changeOrigin: true,
      secure: true,
      configure: (proxy) => {
        proxy.on('proxyReq', (proxyReq) => {
          // The browser's cookies and origin are for this dashboard, not for the API.
          proxyReq.removeHeader('cookie');
          proxyReq.removeHeader('origin');
          proxyReq.removeHeader('referer');
          if (upstream.apiKey) proxyReq.setHeader('authorization', `Bearer ${upstream.apiKey}`);
          else proxyReq.removeHeader('authorization');
        });
      },
    },
  };
}
