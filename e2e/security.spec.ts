/**
 * The key stays on the server, and the proxy forwards only what the app uses: checked against a
 * dev server and a production server that both hold a known fake key, each behind a recording
 * upstream (security-servers.ts), with real Chromium as the browser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { pageState } from './page-state';
import http from 'node:http';
import {
  FAKE_KEY,
  buildOnce,
  rawRequest,
  requestWithHost,
  startDev,
  startProduction,
  startTap,
  type Running,
  type Seen,
} from './security-servers';

const CLIENT = { 'x-requested-with': 'mistral-ft-dashboard' };
const servers: Record<string, { app: Running; tap: Running & { seen: Seen[] } }> = {};

test.beforeAll(async () => {
  test.setTimeout(180_000);
  for (const [name, start] of [
    ['production', startProduction],
    ['dev', startDev],
  ] as const) {
    const tap = await startTap();
    servers[name] = { tap, app: await start(tap.url) };
  }
});
test.afterAll(async () => {
  for (const { app, tap } of Object.values(servers)) await Promise.all([app.stop(), tap.stop()]);
});

test('the production build holds no key, though it was built with one in the environment', () => {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
    );
  const files = walk(buildOnce());
  expect(files.some((f) => f.endsWith('index.html'))).toBe(true);
  for (const file of files) expect(readFileSync(file, 'latin1'), file).not.toContain(FAKE_KEY);
});

for (const name of ['production', 'dev']) {
  test.describe(`${name} server`, () => {
    test('the upstream gets the key; the browser never sends, receives or holds it', async ({ page, request }) => {
      const { app, tap } = servers[name]!;
      const bodies: Promise<string>[] = [];
      const sent: Record<string, string>[] = [];
      page.on('request', (req) => void req.allHeaders().then((h) => sent.push(h)));
      page.on('response', (res) => {
        if (res.status() < 300 || res.status() >= 400)
          bodies.push(
            res.body().then(
              (b) => `${res.url()}\n${JSON.stringify(res.headers())}\n${b.toString('latin1')}`,
              () => '',
            ),
          );
      });

      const jobs = (await (
        await request.get(`${app.url}/v1/fine_tuning/jobs?page_size=1`, { headers: CLIENT })
      ).json()) as { data: { id: string }[] };
      await page.goto(`${app.url}/`);
      await expect(page.getByRole('heading', { level: 1, name: 'Fine-tuning jobs' })).toBeVisible();
      await expect(page.getByText('Custom API')).toBeVisible();
      await page.goto(`${app.url}/jobs/${jobs.data[0]!.id}`);
      await expect(page.getByRole('status', { name: 'Job status' })).toBeVisible();

      // The app's calls reached the upstream, carrying the key the proxy added.
      const appCalls = tap.seen.filter((s) => s.url.startsWith('/v1/fine_tuning/jobs/'));
      expect(appCalls.length).toBeGreaterThan(0);
      for (const call of tap.seen) expect(call.headers.authorization).toBe(`Bearer ${FAKE_KEY}`);

      // …and nothing the browser sent, got back, or keeps has it.
      expect(sent.length).toBeGreaterThan(3);
      for (const headers of sent) expect(JSON.stringify(headers)).not.toContain(FAKE_KEY);
      const received = await Promise.all(bodies);
      expect(received.some((r) => r.includes('/_dashboard/backend'))).toBe(true);
      for (const r of received) expect(r, r.slice(0, 200)).not.toContain(FAKE_KEY);
      let state = '';
      await expect(async () => void (state = await pageState(page))).toPass();
      expect(state).toContain('Custom API');
      expect(state).not.toContain(FAKE_KEY);
    });

    test('the key is added on the server: an echo of what the upstream received has it, the request did not', async ({
      page,
    }) => {
      const { app } = servers[name]!;
      await page.goto(`${app.url}/`);
      await expect(page.getByRole('heading', { level: 1, name: 'Fine-tuning jobs' })).toBeVisible();
      const sentAuth: string[] = [];
      page.on('request', (r) => {
        if (r.url().endsWith('/v1/models?probe')) void r.allHeaders().then((h) => sentAuth.push(h.authorization ?? ''));
      });
      let echo: { received: Record<string, string> } | undefined;
      let info = '';
      // A dev server may reload the page under us (dependency discovery, an edited source file): retry.
      await expect(async () => {
        await page.evaluate(() => (document.cookie = 'session=browser-only'));
        echo = await page.evaluate(async (client) => {
          const headers = { ...client, 'x-echo': '1', authorization: 'Bearer from-the-page' };
          return (await (await fetch('/v1/models?probe', { headers })).json()) as { received: Record<string, string> };
        }, CLIENT);
        info = await page.evaluate(() => fetch('/_dashboard/backend').then((r) => r.text()));
      }).toPass();
      await expect.poll(() => sentAuth[0]).toBe('Bearer from-the-page');
      expect(echo!.received.authorization).toBe(`Bearer ${FAKE_KEY}`);
      for (const h of ['cookie', 'origin', 'referer']) expect(echo!.received[h]).toBeUndefined();
      expect(JSON.parse(info)).toMatchObject({ kind: 'custom', authenticated: true });
      expect(info).not.toContain(FAKE_KEY);
    });

    test("the upstream's cookies and CORS headers stop at the proxy", async ({ request }) => {
      const res = await request.get(`${servers[name]!.app.url}/v1/fine_tuning/jobs`, { headers: CLIENT });
      expect(res.status()).toBe(200);
      expect(res.headers()['set-cookie']).toBeUndefined();
      expect(res.headers()['access-control-allow-origin']).toBeUndefined();
    });

    test('only the paths the app uses are forwarded; the rest is 404 and never reaches the upstream', async ({
      request,
    }) => {
      const { app, tap } = servers[name]!;
      const before = tap.seen.length;
      for (const path of [
        '/v1/embeddings',
        '/v1/agents',
        '/v1/files/x/content',
        '/v1/fine_tuning/jobs/..%2F..%2Fchat%2Fcompletions',
      ]) {
        expect((await request.get(`${app.url}${path}`, { headers: CLIENT })).status(), path).toBe(404);
        expect((await request.post(`${app.url}${path}`, { headers: CLIENT, data: {} })).status(), path).toBe(404);
      }
      // Paths Vite's or a router's prefix match could take for `/v1`: refused, never forwarded.
      for (const path of ['/v1%2Fagents', '/v1%2f..%2fagents', '/v1.', '/v1?x=1', '/v1%2Ffine_tuning%2Fjobs']) {
        expect((await request.get(`${app.url}${path}`, { headers: CLIENT })).status(), path).toBeGreaterThanOrEqual(
          400,
        );
        const post = await request.post(`${app.url}${path}`, {
          headers: { 'content-type': 'text/plain', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
          data: '{"model":"open-mistral-7b"}',
        });
        expect(post.status(), path).toBeGreaterThanOrEqual(400);
      }
      expect(tap.seen.slice(before)).toEqual([]);
    });

    test('a POST sent with Expect: 100-continue crosses the proxy like any other', async () => {
      const { app } = servers[name]!;
      const origin = app.url;
      const answer = await rawRequest(`${app.url}/v1/fine_tuning/jobs`, {
        method: 'POST',
        headers: {
          ...CLIENT,
          'x-echo': '1',
          expect: '100-continue',
          origin,
          referer: `${origin}/jobs/new`,
          cookie: 'session=browser-only',
          'proxy-authorization': 'Basic cHJveHk6c2VjcmV0',
          'content-type': 'application/json',
        },
        body: '{"model":"open-mistral-7b"}',
      });
      expect(answer.status, answer.body).toBe(200);
      const { received } = JSON.parse(answer.body) as { received: Record<string, string> };
      expect(received.authorization).toBe(`Bearer ${FAKE_KEY}`);
      for (const h of ['cookie', 'origin', 'referer', 'proxy-authorization', 'expect']) {
        expect(received[h], h).toBeUndefined();
      }
    });

    test('a write with a malformed Origin is refused with 403, not a crash', async () => {
      const { app, tap } = servers[name]!;
      const before = tap.seen.length;
      for (const origin of ['garbage', 'http://']) {
        const answer = await rawRequest(`${app.url}/v1/fine_tuning/jobs`, {
          method: 'POST',
          headers: { ...CLIENT, origin, 'content-type': 'application/json' },
          body: '{}',
        });
        expect(answer.status, `${origin}: ${answer.body}`).toBe(403);
      }
      expect(tap.seen.slice(before)).toEqual([]);
    });

    test('a body over 1 MB gets its 413, and the connection serves the next request', async () => {
      const { app, tap } = servers[name]!;
      const before = tap.seen.length;
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        for (let i = 0; i < 3; i++) {
          const big = await rawRequest(`${app.url}/v1/fine_tuning/jobs`, {
            method: 'POST',
            headers: { ...CLIENT, origin: app.url, 'content-type': 'application/json' },
            body: JSON.stringify({ model: 'open-mistral-7b', suffix: 'x'.repeat(2 * 1024 * 1024) }),
            agent,
          });
          expect(big.status, big.body).toBe(413);
          expect(JSON.parse(big.body)).toEqual({ detail: 'Request body is too large (limit 1 MB).' });
          const next = await rawRequest(`${app.url}/v1/models`, { headers: CLIENT, agent });
          expect(next.status, next.body).toBe(200);
        }
      } finally {
        agent.destroy();
      }
      expect(tap.seen.slice(before).filter((s) => s.method === 'POST')).toEqual([]);
    });

    test('a read another site asks for is refused and never spends the key', async () => {
      const { app, tap } = servers[name]!;
      const before = tap.seen.length;
      const answer = await rawRequest(`${app.url}/v1/fine_tuning/jobs`, {
        headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', origin: 'http://localhost:1' },
      });
      expect(answer.status).toBe(403);
      expect(tap.seen.slice(before)).toEqual([]);
    });

    test('a Host that is not ours is refused (DNS rebinding)', async () => {
      const { app } = servers[name]!;
      expect(await requestWithHost(`${app.url}/`, 'evil.example')).toBe(403);
      expect(await requestWithHost(`${app.url}/_dashboard/backend`, 'evil.example')).toBe(403);
      expect(await requestWithHost(`${app.url}/`, new URL(app.url).host)).toBe(200);
    });
  });
}

test("the suite's own server (no key) refuses a Host that is not ours too", async ({ baseURL }) => {
  expect(await requestWithHost(`${baseURL}/`, 'evil.example')).toBe(403);
  expect(await requestWithHost(`${baseURL}/v1/models`, 'evil.example')).toBe(403);
});
