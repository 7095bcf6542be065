/**
 * `npm run size`: what the list page costs on first load, gzip. Counts what index.html loads
 * (entry script, its static imports, CSS) plus the list route's own chunk, and fails over budget.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 142;
const dist = new URL('../dist/', import.meta.url);

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
const manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8')) as Record<
  string,
  ManifestChunk
>;

const files = new Set<string>();
function collect(key: string) {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  chunk.css?.forEach((c) => files.add(c));
  chunk.imports?.forEach(collect);
}
const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
const listRoute = Object.keys(manifest).find((k) => k.endsWith('features/jobs/routes/list-route.tsx'));
if (!entry) throw new Error('dist/.vite/manifest.json has no entry: run `vite build` first');
collect(entry);
if (listRoute) collect(listRoute);

const rows = [...files].map((file) => {
  const bytes = readFileSync(new URL(file, dist));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
rows.sort((a, b) => b.gzip - a.gzip);
const kb = (n: number) => (n / 1024).toFixed(1).padStart(7);
for (const r of rows) console.log(`${kb(r.gzip)} KB gzip ${kb(r.raw)} KB raw  ${r.file}`);
const total = rows.reduce((s, r) => s + r.gzip, 0);
const js = rows.filter((r) => r.file.endsWith('.js')).reduce((s, r) => s + r.gzip, 0);
console.log(
  `\nList page first load: ${kb(total).trim()} KB gzip (JS ${kb(js).trim()} KB, CSS ${kb(total - js).trim()} KB); budget ${BUDGET_KB} KB.`,
);
if (total > BUDGET_KB * 1024) {
  console.error(`Over budget by ${((total - BUDGET_KB * 1024) / 1024).toFixed(1)} KB.`);
  process.exit(1);
}
