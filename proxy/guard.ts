/**
 * What the key-holding proxy agrees to forward. It is not an open relay: only the paths the
 * dashboard uses, nothing another site asks for, and no writes another site could trigger with the
 * user's browser (docs/decisions/0004-proxy-guard.md).
 */
import { CLIENT_HEADER_NAME, CLIENT_HEADER_VALUE } from '../contract/client-header.ts';

// An id is one plain segment: no dots or escapes that an upstream could resolve into another path.
const ID = String.raw`[\w-]+`;
// A model id also holds colons (`ft:open-mistral-7b:…`), as typed or percent-encoded (`%3A`, as
// the SDK and encodeURIComponent send them); still no dot, slash or other escape.
const MODEL_ID = String.raw`(?:[\w:-]|%3[aA])+`;
/** The jobs and files routes take what they always took; HEAD goes with every GET. */
const JOBS_AND_FILES = ['GET', 'HEAD', 'POST', 'OPTIONS'] as const;

/** Every path the dashboard uses, with exactly the methods the API has on it. */
const ROUTES: { path: RegExp; methods: readonly string[] }[] = [
  { path: new RegExp(`^/v1/fine_tuning/jobs(/${ID}(/(cancel|start))?)?/?$`), methods: JOBS_AND_FILES },
  { path: new RegExp(`^/v1/files(/${ID})?/?$`), methods: JOBS_AND_FILES },
  { path: /^\/v1\/models\/?$/, methods: ['GET', 'HEAD'] },
  { path: new RegExp(`^/v1/models/${MODEL_ID}/?$`), methods: ['GET', 'HEAD', 'DELETE'] },
  { path: new RegExp(`^/v1/fine_tuning/models/${MODEL_ID}/?$`), methods: ['PATCH'] },
  { path: new RegExp(`^/v1/fine_tuning/models/${MODEL_ID}/archive/?$`), methods: ['POST', 'DELETE'] },
  { path: /^\/v1\/chat\/completions\/?$/, methods: ['POST'] },
  { path: /^\/v1\/classifications\/?$/, methods: ['POST'] },
];

export interface ProxyRequest {
  method: string;
  /** Path and query, as received. */
  url: string;
  /** A Fetch `Headers`, or Node's header record. */
  headers: Headers | Record<string, string | string[] | undefined>;
}

export interface Refusal {
  status: 403 | 404 | 405;
  detail: string;
  /** The methods the path does take, for a 405's `Allow`. */
  allow?: readonly string[];
}

const headerOf = (h: ProxyRequest['headers']) =>
  h instanceof Headers
    ? (name: string) => h.get(name) ?? undefined
    : (name: string) => {
        const v = h[name];
        return Array.isArray(v) ? v[0] : v;
      };

/** `Origin` names this host; anything else, `null` and unparsable values included, does not. */
function sameOrigin(origin: string, host: string | undefined) {
  if (origin === 'null') return false;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** `application/json` with optional parameters, and no look-alike (`application/json-patch+json`). */
const isJsonType = (type: string) => type.split(';', 1)[0]!.trim().toLowerCase() === 'application/json';

export const isUpload = (path: string) => path.startsWith('/v1/files');

export function checkProxyRequest(req: ProxyRequest): Refusal | null {
  const path = req.url.split('?', 1)[0] ?? '';
  const route = ROUTES.find((r) => r.path.test(path));
  if (!route) return { status: 404, detail: 'Not Found' };
  const method = req.method.toUpperCase();
  if (!route.methods.includes(method)) return { status: 405, detail: 'Method Not Allowed', allow: route.methods };
  const header = headerOf(req.headers);

  // Another site's request spends the key even when the browser hides the answer from it.
  const site = header('sec-fetch-site');
  if (site === 'cross-site') return { status: 403, detail: 'Cross-site request refused' };
  if (method === 'GET' || method === 'HEAD') return null;

  // A write must come from the dashboard's own page.
  if (site && site !== 'same-origin' && site !== 'none') {
    return { status: 403, detail: 'Cross-site request refused' };
  }
  const origin = header('origin');
  if (origin !== undefined && !sameOrigin(origin, header('host'))) {
    return { status: 403, detail: 'Cross-origin request refused' };
  }
  // A cross-site form post cannot set a custom header or a JSON content type without a preflight.
  // Only a POST may stand on its JSON type alone: PATCH and DELETE (the model routes, whose
  // DELETE has no body to type) always carry the dashboard's header, as every write it sends does.
  if (header(CLIENT_HEADER_NAME) !== CLIENT_HEADER_VALUE) {
    if (isUpload(path) || !isJsonType(header('content-type') ?? '') || method !== 'POST') {
      return { status: 403, detail: 'Missing X-Requested-With header' };
    }
  }
  return null;
}
