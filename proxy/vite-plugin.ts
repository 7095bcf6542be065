/**
 * The dev and preview servers' side of the proxy: the one `/v1` handler (api.ts), mounted as
 * Connect middleware. Vite's own host check runs before it; Vite's `server.proxy` is not used.
 */
import { getRequestListener } from '@hono/node-server';
import type { Connect, Plugin } from 'vite';
import type { Upstream } from './config.ts';
import { createApiProxy, isProxyPath } from './api.ts';

function middleware(upstream: Upstream): Connect.NextHandleFunction {
  const app = createApiProxy({ upstream });
  // Vite's process keeps the platform's own Request and Response.
  const listener = getRequestListener(app.fetch, { overrideGlobalObjects: false });
  return (req, res, next) => {
    if (!isProxyPath((req.url ?? '/').split('?', 1)[0]!)) return next();
    void listener(req, res);
  };
}

export function dashboardProxy(upstream: Upstream): Plugin {
  return {
    name: 'dashboard-proxy',
    // Vite answers CORS for any localhost origin by default, which would let another local site
    // read jobs through the key-holding proxy. The dashboard is same-origin and needs no CORS.
    config: () => ({ server: { cors: false }, preview: { cors: false } }),
    configureServer: (server) => void server.middlewares.use(middleware(upstream)),
    configurePreviewServer: (server) => void server.middlewares.use(middleware(upstream)),
  };
}
