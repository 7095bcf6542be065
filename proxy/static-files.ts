/**
 * The built app, held in memory (dist is a few hundred kB plus source maps): every file is read
 * once at startup, compressed once on first use, and served with the cache policy its name allows.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep, extname } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.map', '.txt']);
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Smaller files go as they are: compression's headers and framing would cost about what it saves. */
export const MIN_COMPRESSED_BYTES = 512;

type Encoding = 'br' | 'gzip';
const compressors: Record<Encoding, (b: Buffer) => Promise<Buffer>> = {
  br: (b) =>
    promisify(brotliCompress)(b, {
      // Maximum quality costs seconds on the multi-MB source maps and gains little there.
      params: {
        [constants.BROTLI_PARAM_QUALITY]: b.length > 1_000_000 ? 6 : 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: b.length,
      },
    }),
  gzip: (b) => promisify(gzip)(b, { level: 9 }),
};

export interface StaticFile {
  body: Buffer;
  type: string;
  etag: string;
  cacheControl: string;
  compressible: boolean;
  encoded: Partial<Record<Encoding, Promise<Buffer>>>;
}

function cacheControl(path: string) {
  // Vite puts a content hash in every name under /assets/; the entry page and public/ files keep theirs.
  if (path.startsWith('/assets/')) return IMMUTABLE;
  if (path === '/index.html') return 'no-cache';
  return 'public, max-age=600';
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.')) // .vite/manifest.json is for the build, not the browser
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));
}

export function loadDist(distDir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  for (const file of walk(distDir)) {
    const path = '/' + relative(distDir, file).split(sep).join('/');
    files.set(path, staticFile(path, readFileSync(file)));
  }
  return files;
}

/** A file served at `path` (its name decides type and caching) with this body. */
export function staticFile(path: string, body: Buffer): StaticFile {
  const ext = extname(path).toLowerCase();
  return {
    body,
    type: TYPES[ext] ?? 'application/octet-stream',
    // Weak: the gzip and brotli bodies are the same resource, not the same bytes.
    etag: `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    cacheControl: cacheControl(path),
    compressible: COMPRESSIBLE.has(ext) && body.length > MIN_COMPRESSED_BYTES,
    encoded: {},
  };
}

/** The best encoding the client accepts (`br` over `gzip`), honouring `q=0`. */
export function negotiate(acceptEncoding: string | undefined): Encoding | undefined {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return undefined;
}

export function encoded(file: StaticFile, encoding: Encoding): Promise<Buffer> {
  return (file.encoded[encoding] ??= compressors[encoding](file.body));
}

/** Starts every compression in the background so the first visitor does not wait for them. */
export async function precompress(files: Iterable<StaticFile>): Promise<void> {
  const jobs = [...files].filter((f) => f.compressible).flatMap((f) => [encoded(f, 'br'), encoded(f, 'gzip')]);
  await Promise.all(jobs);
}

export async function fileResponse(file: StaticFile, req: Request): Promise<Response> {
  const headers = new Headers({ 'content-type': file.type, 'cache-control': file.cacheControl, etag: file.etag });
  if (file.compressible) headers.set('vary', 'accept-encoding');
  const tags = req.headers.get('if-none-match');
  if (tags && tags.split(',').some((t) => t.trim().replace(/^W\//, '') === file.etag.slice(2))) {
    return new Response(null, { status: 304, headers });
  }
  const encoding = file.compressible ? negotiate(req.headers.get('accept-encoding') ?? undefined) : undefined;
  const body = encoding ? await encoded(file, encoding) : file.body;
  if (encoding) headers.set('content-encoding', encoding);
  headers.set('content-length', String(body.length));
  return new Response(req.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}
