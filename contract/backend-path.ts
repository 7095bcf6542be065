/**
 * Where the page asks what API is behind `/v1`; answered by the proxy (proxy/api.ts), never
 * forwarded upstream. Apart from backend.ts so that the proxy's process never loads zod: its
 * 3 MB of heap, with tsx's, kept V8 running a full collection every ~110 ms under load
 * (docs/decisions/0019-production-server-as-plain-javascript.md).
 */
export const BACKEND_INFO_PATH = '/_dashboard/backend';
