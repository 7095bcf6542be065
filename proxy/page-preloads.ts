/**
 * The entry page a URL gets names the lazy page's chunks it will need, so the browser fetches
 * them beside the entry script instead of after it has run: one round trip less before a job's
 * page or the form can draw (docs/decisions/0011-page-chunks-preloaded-by-the-server.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Which source module draws which path. The router (src/app/router.tsx) holds the same table as
 * `lazyPage(() => import(…))`; serve-site.test.ts checks each module here is a lazy page of the build.
 */
export const LAZY_PAGES: readonly { path: RegExp; module: string }[] = [
  { path: /^\/jobs\/new\/?$/, module: 'src/features/create-job/route.tsx' },
  { path: /^\/jobs\/[^/]+\/?$/, module: 'src/features/jobs/routes/detail-route.tsx' },
  { path: /^\/compare\/?$/, module: 'src/features/compare/route.tsx' },
  { path: /^\/models\/?$/, module: 'src/features/models/routes/list-route.tsx' },
  { path: /^\/models\/[^/]+\/?$/, module: 'src/features/models/routes/detail-route.tsx' },
];

interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

/** A chunk's file and its static imports' files, depth first, without those listed in `skip`. */
function chunkFiles(manifest: Manifest, key: string, skip: Set<string>, out: string[] = []): string[] {
  const chunk = manifest[key];
  if (!chunk || skip.has(key)) return out;
  skip.add(key);
  out.push(`/${chunk.file}`);
  for (const dep of chunk.imports ?? []) chunkFiles(manifest, dep, skip, out);
  return out;
}

/** The lazy page that draws `path`, if any. */
export const lazyPageOf = (path: string) => LAZY_PAGES.find((p) => p.path.test(path))?.module;

/** Each lazy page's entry page: the built index.html with that page's chunks named in its head. */
export function preloadingPages(distDir: string, index: Buffer): Map<string, Buffer> {
  const manifestPath = join(distDir, '.vite', 'manifest.json');
  const manifest: Manifest = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest)
    : {};
  const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  // What the entry page already loads is not named twice.
  const inEntry = new Set<string>();
  if (entryKey) chunkFiles(manifest, entryKey, inEntry);

  const html = index.toString('utf8');
  const pages = new Map<string, Buffer>();
  for (const { module } of LAZY_PAGES) {
    const files = chunkFiles(manifest, module, new Set(inEntry));
    if (files.length === 0 || !html.includes('</head>')) continue;
    const links = files.map((f) => `<link rel="modulepreload" crossorigin href="${f}">`).join('');
    pages.set(module, Buffer.from(html.replace('</head>', `${links}</head>`)));
  }
  return pages;
}
