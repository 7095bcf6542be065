/** Test helpers for serve.test.ts and serve-site.test.ts: a small dist and a recording upstream. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveUpstream } from './config.ts';
import type { Fetch } from './upstream.ts';
import { createServeApp } from './serve.ts';

export const KEY = 'sk-test-DO-NOT-LEAK-1234567890';
export const upstream = resolveUpstream({ MISTRAL_API_URL: 'http://upstream.test', MISTRAL_API_KEY: KEY });
export const ASSET = `export const app = ${JSON.stringify('x'.repeat(4000))};\n`;

/** The shape of Vite's manifest: the entry, one shared chunk, and the two lazy pages. */
const MANIFEST = {
  'index.html': { file: 'assets/index-abc.js', isEntry: true, imports: ['_runtime.js'] },
  '_runtime.js': { file: 'assets/runtime-r1.js' },
  '_queries.js': { file: 'assets/queries-q1.js', imports: ['_runtime.js', 'index.html'] },
  'src/features/jobs/routes/detail-route.tsx': {
    file: 'assets/detail-d1.js',
    isDynamicEntry: true,
    imports: ['_runtime.js', 'index.html', '_queries.js'],
  },
  'src/features/create-job/route.tsx': { file: 'assets/form-f1.js', isDynamicEntry: true, imports: ['index.html'] },
};

export const removeDist = (dir: string) => rmSync(dir, { recursive: true, force: true });

export function makeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dashboard-dist-'));
  mkdirSync(join(dir, 'assets'));
  mkdirSync(join(dir, '.vite'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><head><script type="module" src="/assets/index-abc.js"></script></head><div id="root"></div>',
  );
  writeFileSync(join(dir, 'assets/index-abc.js'), ASSET);
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, '.vite/manifest.json'), JSON.stringify(MANIFEST));
  return dir;
}

type Answer = (req: Request) => Response | Promise<Response>;

/** The app over a fake upstream that records every request it receives. */
export function setup(
  distDir: string,
  answer: Answer = () => Response.json({ ok: true }),
  allowedHosts: string[] = [],
) {
  const seen: Request[] = [];
  const fetch: Fetch = async (input, init) => {
    const req = new Request(input, init);
    seen.push(req);
    return answer(req);
  };
  return { seen, app: createServeApp({ distDir, upstream, fetch, allowedHosts }) };
}

/** What the dashboard's own page sends. */
export const page = { host: '127.0.0.1:8080', origin: 'http://127.0.0.1:8080', 'sec-fetch-site': 'same-origin' };
export const dashboard = { ...page, 'x-requested-with': 'mistral-ft-dashboard' };
