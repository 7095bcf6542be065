/**
 * Which headers cross the proxy, in each direction, what a write's body may be, and the compression
 * of the API's answers: the forwarding half of the one proxy (api.ts holds the other half).
 */
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { ServerResponse } from 'node:http';
import { Readable, pipeline } from 'node:stream';
import { brotliCompressSync, constants, createBrotliCompress, createGzip, gzipSync } from 'node:zlib';
import { negotiate } from './static-files.ts';
import type { Bytes, UpstreamClient } from './upstream.ts';

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

export const tooLarge = (headers: Record<string, string> = {}) =>
  json(413, `Request body is too large (limit ${MAX_JSON_BODY_BYTES / 1024 / 1024} MB).`, headers);

export const json = (status: number, detail: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ detail }), { status, headers: { ...headers, 'content-type': 'application/json' } });

/**
 * A JSON write's body, whole, or the 413 to answer instead. A declared length over the bound is
 * refused before the body is touched; the server then discards it and keeps the connection.
 */
export async function readJsonBody(
  req: Request,
  headers: Record<string, string> = {},
): Promise<Uint8Array<ArrayBuffer> | Response> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (declared > MAX_JSON_BODY_BYTES) return tooLarge(headers);
  if (!req.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    size += r.value.byteLength;
    if (size > DISCARD_MAX_BYTES) return tooLarge(headers);
    if (size <= MAX_JSON_BODY_BYTES) chunks.push(r.value);
  }
  if (size > MAX_JSON_BODY_BYTES) return tooLarge(headers);
  return Buffer.concat(chunks, size);
}

/** Below this an answer is not worth compressing. */
const COMPRESS_MIN_BYTES = 1024;
const isJson = (type: string | undefined) => !!type && /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type);
/** Server-sent events (a streamed chat completion): each event must leave the moment it arrives. */
const isEventStream = (type: string | undefined) => !!type && /^text\/event-stream\s*(?:;|$)/i.test(type);
// Fast levels: an answer is compressed on every request, not once like the static files.
const GZIP_FAST = { level: 1 };
const brotliFast = (size?: number) => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 1,
    // Sizes the encoder's window to the answer: a default 4 MB window is set up on every call.
    ...(size === undefined ? {} : { [constants.BROTLI_PARAM_SIZE_HINT]: size }),
  },
});

/** What `forward` takes from the client's request, besides its body. */
export interface ClientRequest {
  method: string;
  /** Path and query, as the guard saw them. */
  path: string;
  /** The client's headers as name/value pairs, names in any case (Node's `rawHeaders` form). */
  rawHeaders: readonly string[];
  /** When the client goes away; not needed with `outgoing`, whose close says so. */
  signal?: AbortSignal;
  /** Node's response, when the request came through Node's http server (see `send`). */
  outgoing?: unknown;
}

/**
 * Sends a request the guard allowed to the upstream with the key; `body` is the write's body (read
 * whole for JSON, a stream for uploads). Answers of known size come back whole and leave in one
 * write (`send`), the rest streams; JSON is compressed when the client accepts it and the upstream
 * has not. `extra` headers (the server's security headers) go on every answer.
 */
export async function forward(
  req: ClientRequest,
  body: Bytes | ReadableStream<Uint8Array> | null,
  client: UpstreamClient,
  apiKey: string | undefined,
  extra: Record<string, string> = {},
): Promise<Response> {
  const raw = req.rawHeaders;
  const sent: Record<string, string> = {};
  let connection: Set<string> | undefined;
  let acceptEncoding: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const value = raw[i + 1]!;
    if (name === 'connection') {
      // Headers named in `Connection` are hop-by-hop too.
      connection = new Set(value.split(',').map((s) => s.trim().toLowerCase()));
    } else if (name === 'accept-encoding') {
      acceptEncoding = acceptEncoding === undefined ? value : `${acceptEncoding}, ${value}`;
    }
    // HTTP/2 pseudo-headers (`:authority`) are the connection's, not the request's.
    if (NOT_FORWARDED.has(name) || name.startsWith(':')) continue;
    sent[name] = name in sent ? `${sent[name]}, ${value}` : value;
  }
  if (connection) for (const name of connection) delete sent[name];
  if (apiKey) sent.authorization = `Bearer ${apiKey}`;

  let res: Awaited<ReturnType<UpstreamClient>>;
  try {
    const outgoing = req.outgoing instanceof ServerResponse ? req.outgoing : undefined;
    res = await client({
      method: req.method,
      path: req.path,
      headers: sent,
      body,
      signal: req.signal,
      client: outgoing,
    });
  } catch {
    return json(502, 'Upstream API unreachable', extra);
  }

  // A plain record, not a `Headers`: Node's server writes it out as it is.
  const out: Record<string, string> = { ...extra };
  for (const name in res.headers) if (keepResponseHeader(name)) out[name] = res.headers[name]!;
  if (req.method === 'HEAD' || res.body === null) return new Response(null, { status: res.status, headers: out });

  const upstreamEncoding = res.headers['content-encoding'];
  if (isEventStream(res.headers['content-type'])) {
    // Never compressed here, never held: a compressor (or nginx in front, told by
    // X-Accel-Buffering) would sit on the events until it had a block's worth.
    out['x-accel-buffering'] = 'no';
    if (upstreamEncoding) out['content-encoding'] = upstreamEncoding;
    return send(req.outgoing, res.status, out, res.body);
  }
  const compressible = isJson(res.headers['content-type']);
  if (compressible) out.vary = 'accept-encoding';
  if (upstreamEncoding) {
    // Already compressed, with an encoding the client asked for (its Accept-Encoding went along).
    out['content-encoding'] = upstreamEncoding;
    return send(req.outgoing, res.status, out, res.body);
  }
  const encoding = compressible ? negotiate(acceptEncoding) : undefined;
  if (Array.isArray(res.body)) {
    // A sized answer came in whole (upstream.ts): compressed in one call, sent in one write.
    const size = res.body.reduce((n, c) => n + c.byteLength, 0);
    if (!encoding || size < COMPRESS_MIN_BYTES) return send(req.outgoing, res.status, out, res.body);
    out['content-encoding'] = encoding;
    weakenEtag(out);
    const bytes = res.body.length === 1 ? res.body[0]! : Buffer.concat(res.body, size);
    const packed = encoding === 'br' ? brotliCompressSync(bytes, brotliFast(size)) : gzipSync(bytes, GZIP_FAST);
    return send(req.outgoing, res.status, out, [packed]);
  }
  if (!encoding) return send(req.outgoing, res.status, out, res.body);
  out['content-encoding'] = encoding;
  weakenEtag(out);
  const packer = encoding === 'br' ? createBrotliCompress(brotliFast()) : createGzip(GZIP_FAST);
  const source = Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>);
  pipeline(source, packer, () => {}); // a failed source ends the packed stream in error too
  return send(req.outgoing, res.status, out, Readable.toWeb(packer) as ReadableStream<Uint8Array>);
}

/**
 * The answer to the client. A whole answer under Node's http/1 server goes straight to Node's
 * response, headers and chunks in one write, with no `Response` built and no copy of the body
 * made: each such copy is a large buffer that, measured, brings V8's full collections on the
 * proxy every few dozen requests (docs/decisions/0007-one-proxy.md). Streams, and requests that
 * came some other way (`app.request()` in tests), get a `Response`.
 */
function send(
  outgoing: unknown,
  status: number,
  headers: Record<string, string>,
  body: Bytes[] | ReadableStream<Uint8Array>,
): Response {
  if (!Array.isArray(body)) return new Response(body as BodyInit, { status, headers });
  if (outgoing instanceof ServerResponse && !outgoing.headersSent) {
    headers['content-length'] = String(body.reduce((n, c) => n + c.byteLength, 0));
    outgoing.writeHead(status, headers);
    // Corked, the head and every chunk leave in one writev.
    outgoing.cork();
    for (const chunk of body) outgoing.write(chunk);
    outgoing.end();
    outgoing.uncork();
    return RESPONSE_ALREADY_SENT;
  }
  return new Response(body.length === 1 ? body[0]! : Buffer.concat(body), { status, headers });
}

/** The compressed bytes are the same resource, not the same bytes, as the upstream's. */
function weakenEtag(headers: Record<string, string>) {
  const etag = headers.etag;
  if (etag && !etag.startsWith('W/')) headers.etag = `W/${etag}`;
}
