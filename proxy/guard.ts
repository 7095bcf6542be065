/**
 * What the key-holding proxy agrees to forward. It is not an open relay: only the paths the
 * dashboard uses, and no writes another site could trigger with the user's browser
 * (docs/decisions/0004-proxy-guard.md).
 */
import { CLIENT_HEADER_NAME, CLIENT_HEADER_VALUE } from '../contract/client-header.ts';

// An id is one plain segment: no dots or escapes that an upstream could resolve into another path.
const ID = String.raw`[\w-]+`;
const ALLOWED_PATHS = [
  new RegExp(`^/v1/fine_tuning/jobs(/${ID}(/(cancel|start))?)?/?$`),
  new RegExp(`^/v1/files(/${ID})?/?$`),
  /^\/v1\/models\/?$/,
];

export interface ProxyRequest {
  method: string;
  /** Path and query, as received. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface Refusal {
  status: 403 | 404 | 405 | 415;
  detail: string;
}

const header = (h: ProxyRequest['headers'], name: string) => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

export function checkProxyRequest(req: ProxyRequest): Refusal | null {
  const path = req.url.split('?')[0] ?? '';
  if (!ALLOWED_PATHS.some((re) => re.test(path))) return { status: 404, detail: 'Not Found' };
  const method = req.method.toUpperCase();
  if (!['GET', 'HEAD', 'POST', 'OPTIONS'].includes(method)) return { status: 405, detail: 'Method Not Allowed' };
  if (method === 'GET' || method === 'HEAD') return null;

  // A write must come from the dashboard's own page.
  const site = header(req.headers, 'sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') {
    return { status: 403, detail: 'Cross-site request refused' };
  }
  const origin = header(req.headers, 'origin');
  const host = header(req.headers, 'host');
  if (origin && origin !== 'null' && host && new URL(origin).host !== host) {
    return { status: 403, detail: 'Cross-origin request refused' };
  }
  if (origin === 'null') return { status: 403, detail: 'Cross-origin request refused' };
  // A cross-site form post cannot set a custom header or a JSON content type without a preflight.
  const type = header(req.headers, 'content-type') ?? '';
  const isUpload = path.startsWith('/v1/files');
  if (header(req.headers, CLIENT_HEADER_NAME) !== CLIENT_HEADER_VALUE) {
    if (isUpload || !/^application\/json\b/i.test(type) || method !== 'POST') {
      return { status: 403, detail: 'Missing X-Requested-With header' };
    }
  }
  return null;
}
