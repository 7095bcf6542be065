/**
 * Which headers cross the proxy, in each direction, and the production server's forwarder.
 * The rules are shared with the Vite dev proxy so both servers expose the same surface.
 */
import type { Upstream } from './config.ts';

const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];

/** The browser's credentials and identity are for this dashboard, not for the API. */
export const DROPPED_REQUEST_HEADERS = ['cookie', 'origin', 'referer', 'authorization'];

// `host` is the upstream's; `accept-encoding` is left to fetch, which decodes what it asked for;
// `expect` makes fetch throw.
const NOT_FORWARDED = new Set([...HOP_BY_HOP, ...DROPPED_REQUEST_HEADERS, 'host', 'accept-encoding', 'expect']);

/**
 * An allow-list, not a deny-list: an upstream `set-cookie`, `access-control-allow-origin` or
 * `strict-transport-security` would otherwise apply to the dashboard's own origin.
 */
const KEPT_RESPONSE_HEADERS = new Set([
  'content-type',
  'content-disposition',
  'retry-after',
  'cache-control',
  'etag',
  'last-modified',
  'x-request-id',
]);
export const keepResponseHeader = (name: string) => {
  const n = name.toLowerCase();
  return KEPT_RESPONSE_HEADERS.has(n) || n.startsWith('x-ratelimit-') || n.startsWith('ratelimit');
};

export const authorization = (upstream: Upstream) => (upstream.apiKey ? `Bearer ${upstream.apiKey}` : undefined);

export type Fetch = (input: string, init: RequestInit & { duplex?: 'half' }) => Promise<Response>;

const json = (status: number, detail: string) =>
  new Response(JSON.stringify({ detail }), { status, headers: { 'content-type': 'application/json' } });

/** Sends `req` (already allowed by the guard) to the upstream with the key, streaming both bodies. */
export async function forward(req: Request, upstream: Upstream, doFetch: Fetch): Promise<Response> {
  const url = new URL(req.url);
  const headers = new Headers();
  // Headers named in `Connection` are hop-by-hop too.
  const listed = new Set((req.headers.get('connection') ?? '').split(',').map((s) => s.trim().toLowerCase()));
  req.headers.forEach((value, name) => {
    if (!NOT_FORWARDED.has(name) && !listed.has(name)) headers.set(name, value);
  });
  const auth = authorization(upstream);
  if (auth) headers.set('authorization', auth);

  const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && req.body !== null;
  let res: Response;
  try {
    res = await doFetch(`${upstream.target}${url.pathname}${url.search}`, {
      method: req.method,
      headers,
      body: hasBody ? req.body : undefined,
      duplex: hasBody ? 'half' : undefined,
      redirect: 'manual',
      signal: req.signal,
    });
  } catch {
    return json(502, 'Upstream API unreachable');
  }
  const out = new Headers();
  res.headers.forEach((value, name) => {
    if (keepResponseHeader(name)) out.set(name, value);
  });
  return new Response(req.method === 'HEAD' ? null : res.body, {
    status: res.status,
    statusText: res.statusText,
    headers: out,
  });
}
