/**
 * How the proxy reaches the API: Node's own http(s) client on keep-alive agents made once, in
 * place of `fetch`. Two reasons, both measured: `fetch` decodes gzip/br answers itself, so an
 * upstream's compressed answer could not pass through as it came; and on loopback each request
 * through `fetch` cost more than the emulator took to answer it (docs/decisions/0007-one-proxy.md).
 */
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';

export type Fetch = (input: string, init: RequestInit & { duplex?: 'half' }) => Promise<Response>;

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

/**
 * Answers up to this size are read whole, so they leave in one write with their headers: on a
 * loopback socket, a second write costs about as much as the proxy's whole work. Larger or
 * unsized answers stream.
 */
const READ_WHOLE_MAX = 1024 * 1024;

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

function toHeaders(raw: string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

/** A `fetch` for the proxy: no redirects followed, no bodies decoded, the signal honoured. */
export const upstreamFetch: Fetch = (input, init) =>
  new Promise((resolve, reject) => {
    const url = new URL(input);
    const client = url.protocol === 'https:' ? https : http;
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => (headers[name] = value));
    const body = init.body;
    if (body instanceof Uint8Array) headers['content-length'] = String(body.byteLength);

    const req = client.request(
      url,
      { method: init.method ?? 'GET', headers, agent: agents[url.protocol as keyof typeof agents] },
      (res) => {
        const status = res.statusCode ?? 502;
        const out = { status, statusText: res.statusMessage ?? '', headers: toHeaders(res.rawHeaders) };
        if (NULL_BODY.has(status) || init.method === 'HEAD') {
          res.resume();
          return resolve(new Response(null, out));
        }
        const length = Number(res.headers['content-length']);
        if (length <= READ_WHOLE_MAX) {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(new Response(Buffer.concat(chunks), out)));
          res.on('error', reject);
          return;
        }
        resolve(new Response(Readable.toWeb(res) as ReadableStream<Uint8Array>, out));
      },
    );
    req.on('error', reject);
    // A client that goes away takes its upstream request with it.
    const signal = init.signal;
    if (signal) {
      if (signal.aborted) return void req.destroy(new Error('aborted'));
      signal.addEventListener('abort', () => req.destroy(new Error('aborted')), { once: true });
    }
    if (body instanceof ReadableStream) {
      Readable.fromWeb(body as import('node:stream/web').ReadableStream).pipe(req);
    } else if (body instanceof Uint8Array || body === undefined || body === null) {
      req.end(body ?? undefined);
    } else {
      reject(new TypeError('upstreamFetch takes a stream or bytes as body'));
      req.destroy();
    }
  });
