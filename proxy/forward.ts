/**
 * Which headers cross the proxy, in each direction, what a write's body may be, and the compression
 * of the API's answers: the forwarding half of the one proxy (api.ts holds the other half).
 */
import { Readable, pipeline } from 'node:stream';
import { brotliCompressSync, constants, createBrotliCompress, createGzip, gzipSync } from 'node:zlib';
import type { Upstream } from './config.ts';
import { negotiate } from './static-files.ts';
import type { Fetch } from './upstream.ts';

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
const DROPPED_REQUEST_HEADERS = ['cookie', 'origin', 'referer', 'authorization'];

// `host` is the upstream's; `content-length` is set again for the body actually sent; `expect`
// would be answered by the proxy's own server, not by the API.
const NOT_FORWARDED = new Set([...HOP_BY_HOP, ...DROPPED_REQUEST_HEADERS, 'host', 'content-length', 'expect']);

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
const keepResponseHeader = (n: string) =>
  KEPT_RESPONSE_HEADERS.has(n) || n.startsWith('x-ratelimit-') || n.startsWith('ratelimit');

/**
 * The largest JSON write the proxy forwards: a create body is a few kB. The emulator's own bound
 * (server/app.ts MAX_JSON_BYTES; serve.test.ts holds the two equal); checked here so an oversized
 * body is refused before a byte of it goes upstream.
 */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;
/** An undeclared oversized body is read this far, so its connection stays usable, then cut. */
const DISCARD_MAX_BYTES = 16 * MAX_JSON_BODY_BYTES;

export const tooLarge = () =>
  json(413, `Request body is too large (limit ${MAX_JSON_BODY_BYTES / 1024 / 1024} MB).`);

export const json = (status: number, detail: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ detail }), { status, headers: { 'content-type': 'application/json', ...headers } });

/**
 * A JSON write's body, whole, or the 413 to answer instead. A declared length over the bound is
 * refused before the body is touched; the server then discards it and keeps the connection.
 */
export async function readJsonBody(req: Request): Promise<Uint8Array<ArrayBuffer> | Response> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (declared > MAX_JSON_BODY_BYTES) return tooLarge();
  if (!req.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    size += r.value.byteLength;
    if (size > DISCARD_MAX_BYTES) return tooLarge();
    if (size <= MAX_JSON_BODY_BYTES) chunks.push(r.value);
  }
  if (size > MAX_JSON_BODY_BYTES) return tooLarge();
  return Buffer.concat(chunks, size);
}

/** Below this an answer is not worth compressing. */
const COMPRESS_MIN_BYTES = 1024;
const isJson = (type: string | null) => !!type && /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type);
// Fast levels: an answer is compressed on every request, not once like the static files.
const BROTLI_FAST = { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } };
const GZIP_FAST = { level: 1 };

/**
 * Sends `req` (already allowed by the guard) to the upstream with the key; `body` is the write's
 * body (read whole for JSON, a stream for uploads). Answers of known size come back in one piece,
 * the rest streams; JSON is compressed when the client accepts it and the upstream has not.
 */
export async function forward(
  req: Request,
  body: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array> | null,
  upstream: Upstream,
  doFetch: Fetch,
): Promise<Response> {
  const url = new URL(req.url);
  const headers = new Headers();
  // Headers named in `Connection` are hop-by-hop too.
  const connection = req.headers.get('connection');
  const listed = connection ? new Set(connection.split(',').map((s) => s.trim().toLowerCase())) : undefined;
  req.headers.forEach((value, name) => {
    if (!NOT_FORWARDED.has(name) && !listed?.has(name)) headers.set(name, value);
  });
  if (upstream.apiKey) headers.set('authorization', `Bearer ${upstream.apiKey}`);

  let res: Response;
  try {
    res = await doFetch(`${upstream.target}${url.pathname}${url.search}`, {
      method: req.method,
      headers,
      body: body ?? undefined,
      duplex: body instanceof ReadableStream ? 'half' : undefined,
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
  const init = { status: res.status, statusText: res.statusText, headers: out };
  if (req.method === 'HEAD' || res.body === null) return new Response(null, init);

  const upstreamEncoding = res.headers.get('content-encoding');
  const compressible = isJson(res.headers.get('content-type'));
  if (compressible) out.set('vary', 'accept-encoding');
  if (upstreamEncoding) {
    // Already compressed, with an encoding the client asked for (its Accept-Encoding went along).
    out.set('content-encoding', upstreamEncoding);
    return new Response(res.body, init);
  }
  const encoding = compressible ? negotiate(req.headers.get('accept-encoding') ?? undefined) : undefined;
  const length = Number(res.headers.get('content-length') ?? NaN);
  if (length >= 0) {
    // A sized answer came in whole (upstream.ts): compress it in one call and send it in one write.
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (!encoding || bytes.byteLength < COMPRESS_MIN_BYTES) return new Response(bytes, init);
    out.set('content-encoding', encoding);
    weakenEtag(out);
    const packed = encoding === 'br' ? brotliCompressSync(bytes, BROTLI_FAST) : gzipSync(bytes, GZIP_FAST);
    return new Response(new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength), init);
  }
  if (!encoding) return new Response(res.body, init);
  out.set('content-encoding', encoding);
  weakenEtag(out);
  const packer = encoding === 'br' ? createBrotliCompress(BROTLI_FAST) : createGzip(GZIP_FAST);
  const source = Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>);
  pipeline(source, packer, () => {}); // a failed source ends the packed stream in error too
  return new Response(Readable.toWeb(packer) as ReadableStream<Uint8Array>, init);
}

/** The compressed bytes are the same resource, not the same bytes, as the upstream's. */
function weakenEtag(headers: Headers) {
  const etag = headers.get('etag');
  if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
}
