/**
 * How the proxy reaches the API: Node's own http(s) client on keep-alive agents made once, in
 * place of `fetch`. Both measured (docs/decisions/0007-one-proxy.md): `fetch` decodes gzip/br
 * answers itself, so an upstream's compressed answer could not pass through as it came; and on
 * loopback each request through `fetch` cost more than the emulator took to answer it.
 *
 * The client speaks plain records and bytes, not `Request`/`Response`: each of those objects costs
 * allocations and copies per request that the proxy never needs (it forwards bytes).
 */
import http, { type ServerResponse } from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';

/** Bytes over an `ArrayBuffer` (Node's own pool included), as `Response` bodies take them. */
export type Bytes = Uint8Array<ArrayBuffer>;

/** What the proxy sends: a request the guard allowed, its headers already filtered. */
export interface UpstreamRequest {
  method: string;
  /** Path and query. */
  path: string;
  headers: Record<string, string>;
  /** Whole for JSON writes, a stream for uploads. */
  body: Bytes | ReadableStream<Uint8Array> | null;
  /** Aborted when the client goes away, which takes the upstream request with it. */
  signal?: AbortSignal;
  /**
   * Node's response to the client, under Node's server, in place of `signal`: its close before
   * the answer is done takes the upstream request with it too, with no AbortController made for
   * every request (measured: one per request was a tenth of the proxy's own work).
   */
  client?: ServerResponse;
}

export interface UpstreamAnswer {
  status: number;
  /** Lower-case names; a repeated header's values joined with `, `. */
  headers: Record<string, string>;
  /**
   * Whole when the upstream sent a length up to READ_WHOLE_MAX, as the chunks it came in (joined
   * only if something needs one piece); else a stream; null for no body.
   */
  body: Bytes[] | ReadableStream<Uint8Array> | null;
}

export type UpstreamClient = (req: UpstreamRequest) => Promise<UpstreamAnswer>;

/** A `fetch`, for tests: they pass a recording fake in place of the network. */
export type Fetch = (input: string, init: RequestInit & { duplex?: 'half' }) => Promise<Response>;

/**
 * Answers up to this size are read whole, so they leave in one write with their headers: on a
 * loopback socket a second write costs about as much as the proxy's whole work. Larger or
 * unsized answers stream.
 */
export const READ_WHOLE_MAX = 1024 * 1024;

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** How long a socket the upstream did not bound (no `Keep-Alive` hint) stays open unused. */
const IDLE_SOCKET_MS = 30_000;

/** Methods that may be sent again when a kept-alive socket turns out closed before any answer. */
const REPLAYABLE = new Set(['GET', 'HEAD', 'OPTIONS']);

function headerRecord(raw: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const value = raw[i + 1]!;
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

/** The client for a base URL (`http://127.0.0.1:8787`, `https://api.mistral.ai`), parsed once. */
export function httpClient(target: string): UpstreamClient {
  const base = new URL(target);
  const secure = base.protocol === 'https:';
  const request = secure ? https.request : http.request;
  // Made once per client: one pool of sockets kept open to the one upstream. With a `timeout`,
  // Node's agent also honours the server's `Keep-Alive: timeout=N` and drops an idle socket a
  // second before the server would (without one it ignores the hint).
  const options = { keepAlive: true, maxSockets: 64, timeout: IDLE_SOCKET_MS };
  const agent = secure ? new https.Agent(options) : new http.Agent(options);
  const origin = {
    protocol: base.protocol,
    hostname: base.hostname.replace(/^\[|\]$/g, ''),
    port: base.port || (secure ? 443 : 80),
    // A target with a path (a gateway's prefix) keeps it in front of the API's.
    prefix: base.pathname.replace(/\/+$/, ''),
  };

  const send = (upstreamRequest: UpstreamRequest, retried = false) =>
    new Promise<UpstreamAnswer>((resolve, reject) => {
      const { method, path, headers, body, signal, client } = upstreamRequest;
      const gone = () => signal?.aborted === true || client?.destroyed === true;
      if (body instanceof Uint8Array) headers['content-length'] = String(body.byteLength);
      let answered = false;
      const req = request(
        {
          protocol: origin.protocol,
          hostname: origin.hostname,
          port: origin.port,
          path: origin.prefix + path,
          method,
          headers,
          agent,
        },
        (res) => {
          answered = true;
          const status = res.statusCode ?? 502;
          const out = headerRecord(res.rawHeaders);
          if (NULL_BODY.has(status) || method === 'HEAD') {
            res.resume();
            return resolve({ status, headers: out, body: null });
          }
          const length = Number(out['content-length']);
          if (!(length <= READ_WHOLE_MAX)) {
            return resolve({ status, headers: out, body: Readable.toWeb(res) as ReadableStream<Uint8Array> });
          }
          const chunks: Bytes[] = [];
          res.on('data', (c: Buffer<ArrayBuffer>) => chunks.push(c));
          res.on('end', () => resolve({ status, headers: out, body: chunks }));
          res.on('error', reject);
        },
      );
      req.on('error', (e: NodeJS.ErrnoException) => {
        // The upstream closed a kept-alive socket as this request went out on it: nothing was
        // answered, so a read is sent once more on a fresh socket (Node's documented remedy).
        if (req.reusedSocket && !answered && !retried && e.code === 'ECONNRESET' && REPLAYABLE.has(method) && !gone()) {
          resolve(send(upstreamRequest, true));
        } else reject(e);
      });
      if (gone()) return void req.destroy(new Error('aborted'));
      const abort = () => req.destroy(new Error('aborted'));
      if (signal) {
        signal.addEventListener('abort', abort, { once: true });
        req.once('close', () => signal.removeEventListener('abort', abort));
      }
      if (client) {
        // A response's `close` also follows a finished answer; only an early one is the client gone.
        const onClose = () => !client.writableFinished && abort();
        client.once('close', onClose);
        req.once('close', () => client.off('close', onClose));
      }
      if (body instanceof ReadableStream) {
        Readable.fromWeb(body as import('node:stream/web').ReadableStream).pipe(req);
      } else {
        req.end(body ?? undefined);
      }
    });
  return (req) => send(req);
}

/** The same client over a `fetch` (tests). */
export function fetchClient(target: string, doFetch: Fetch): UpstreamClient {
  return async ({ method, path, headers, body, signal }) => {
    const res = await doFetch(target + path, {
      method,
      headers,
      body,
      duplex: body instanceof ReadableStream ? 'half' : undefined,
      redirect: 'manual',
      signal,
    });
    const out: Record<string, string> = {};
    res.headers.forEach((value, name) => (out[name] = value));
    if (!res.body) return { status: res.status, headers: out, body: null };
    // As httpClient: a sized answer whole, so tests take the path production takes.
    const whole = Number(out['content-length']) <= READ_WHOLE_MAX;
    return { status: res.status, headers: out, body: whole ? [new Uint8Array(await res.arrayBuffer())] : res.body };
  };
}
