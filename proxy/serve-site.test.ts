import { readFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSET, KEY, dashboard, makeDist, page, removeDist, setup } from './serve-fixture';
import { LAZY_PAGES } from './page-preloads';
import { IMMUTABLE, negotiate } from './static-files';
import { inlineScriptHashes } from './serve';

let app: ReturnType<typeof setup>['app'];
const distDir = makeDist();
afterAll(() => removeDist(distDir));
beforeAll(async () => {
  app = setup(distDir, () => new Response('{"data":[]}', { headers: { 'content-type': 'application/json' } }), [
    'dash.example.com',
    '.corp.example',
  ]).app;
  await app.ready;
});
const get = (path: string, headers: Record<string, string> = {}) =>
  app.request(path, { headers: { ...page, ...headers } });

describe('static files', () => {
  it('serves hashed assets for a year and the entry page for no time', async () => {
    const asset = await get('/assets/index-abc.js');
    expect(asset.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await asset.text()).toBe(ASSET);
    expect((await get('/')).headers.get('cache-control')).toBe('no-cache');
    expect((await get('/favicon.svg')).headers.get('cache-control')).toBe('public, max-age=600');
  });

  it('falls back to the app for page routes only', async () => {
    const route = await get('/jobs/abc', { accept: 'text/html,*/*' });
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<div id="root">');
    expect((await get('/jobs/abc', { accept: 'application/json' })).status).toBe(404);
    // A stale chunk must fail as a script would, not come back as HTML.
    expect((await get('/assets/gone-123.js', { accept: 'text/html' })).status).toBe(404);
    expect((await get('/.vite/manifest.json')).status).toBe(404);
    expect((await app.request('/', { method: 'POST', headers: page })).status).toBe(405);
  });

  it('compresses text with brotli or gzip as the client accepts', async () => {
    const br = await get('/assets/index-abc.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(ASSET);
    const gz = await get('/assets/index-abc.js', { 'accept-encoding': 'gzip, br;q=0' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(ASSET);
    expect((await get('/assets/index-abc.js')).headers.get('content-encoding')).toBeNull();
    expect(negotiate('identity')).toBeUndefined();
  });

  it('revalidates with the ETag', async () => {
    const first = await get('/');
    const again = await get('/', { 'if-none-match': first.headers.get('etag')! });
    expect(again.status).toBe(304);
  });
});

describe('lazy pages', () => {
  const preloads = async (path: string) =>
    [
      ...(await (await get(path, { accept: 'text/html' })).text()).matchAll(
        /rel="modulepreload" crossorigin href="([^"]+)"/g,
      ),
    ].map((m) => m[1]);

  it("names a job page's chunks and the form's in the entry page, not what the entry loads itself", async () => {
    expect(await preloads('/jobs/ftjob-1')).toEqual(['/assets/detail-d1.js', '/assets/queries-q1.js']);
    expect(await preloads('/jobs/new')).toEqual(['/assets/form-f1.js']);
    expect(await preloads('/jobs')).toEqual([]);
    expect(await preloads('/')).toEqual([]);
  });

  it('each lazy page named here is one the router loads lazily', () => {
    const router = readFileSync(new URL('../src/app/router.tsx', import.meta.url), 'utf8');
    for (const { module } of LAZY_PAGES) {
      expect(router).toContain(`() => import('../${module.replace(/^src\//, '').replace(/\.tsx$/, '')}')`);
    }
  });
});

describe('security headers', () => {
  it.each([
    ['the page', '/', {}],
    ['an asset', '/assets/index-abc.js', {}],
    ['a 404', '/nope.js', {}],
    ['a proxied answer', '/v1/models', dashboard],
    ['a refusal', '/v1/chat/completions', dashboard],
    ['the backend info', '/_dashboard/backend', {}],
  ])('are on %s', async (_name, path, headers) => {
    const res = await get(path, headers);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  });

  it("allow the page's inline scripts by their hash, and no other", () => {
    const html = '<head><script>\n  a();\n</script><script type="module" src="/x.js"></script></head>';
    // sha256 of "\n  a();\n", base64 (openssl dgst -sha256 -binary | base64)
    expect(inlineScriptHashes(html)).toEqual(["'sha256-TE3N0u1fb9EhEg9rTkYQP8rak4saWJrsdiLmQzOgESA='"]);
    expect(inlineScriptHashes('<div id="root"></div>')).toEqual([]);
  });
});

describe('host check', () => {
  it.each([
    '127.0.0.1:8080',
    'localhost:8080',
    '[::1]:8080',
    '10.0.0.5',
    'dash.example.com',
    'a.corp.example',
    'corp.example',
  ])('lets %s in', async (host) => expect((await get('/', { host })).status).toBe(200));
  it.each(['evil.example', 'dash.example.com.evil.example', 'xcorp.example'])(
    'refuses %s (DNS rebinding)',
    async (host) => {
      expect((await get('/', { host })).status).toBe(403);
      expect((await get('/v1/models', { ...dashboard, host })).status).toBe(403);
    },
  );
});

describe('the key', () => {
  it('is in no response the browser gets', async () => {
    for (const path of [
      '/',
      '/assets/index-abc.js',
      '/favicon.svg',
      '/_dashboard/backend',
      '/v1/models',
      '/jobs/x',
      '/v1/agents',
    ]) {
      const res = await get(path, { ...dashboard, accept: 'text/html' });
      expect(await res.text()).not.toContain(KEY);
      res.headers.forEach((value) => expect(value).not.toContain(KEY));
    }
  });
});
