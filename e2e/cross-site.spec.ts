/**
 * A page on another origin (http://localhost:<p>, the app being on http://127.0.0.1) tries to
 * create, start and cancel jobs through the proxy with the user's browser: a text/plain form post
 * and no-cors fetches, which need no preflight, through the dev and the production server. The
 * emulator, asked directly, shows nothing changed, and a recording upstream shows no request ever
 * got past the proxy.
 */
import { fileListSchema } from '../contract/files';
import { jobListSchema } from '../contract/jobs';
import { API, expect, test } from './fixtures';
import { startDev, startOtherOrigin, startProduction, startTap, type Running, type Seen } from './security-servers';

let tap: Running & { seen: Seen[] };
let production: Running;
let dev: Running;
let attacker: Running;
let attackPage = '';
test.beforeAll(async () => {
  test.setTimeout(120_000);
  tap = await startTap();
  [production, dev] = await Promise.all([startProduction(tap.url), startDev(tap.url)]);
  attacker = await startOtherOrigin(() => attackPage);
});
test.afterAll(async () => Promise.all([production?.stop(), dev?.stop(), tap?.stop(), attacker?.stop()]));

/** A create the emulator accepts. As a text/plain form, `name=value` puts the `=` inside the suffix. */
const createBody = (fileId: string) =>
  JSON.stringify({
    model: 'open-mistral-7b',
    training_files: [{ file_id: fileId, weight: 1 }],
    hyperparameters: { training_steps: 10 },
    auto_start: true,
    suffix: 'xsite',
  });
const formFields = (fileId: string) => ({ name: createBody(fileId).slice(0, -2), value: '"}' });

function attack(app: string, ids: { cancel: string; start: string }, fileId: string) {
  const { name, value } = formFields(fileId);
  const jobs = `${app}/v1/fine_tuning/jobs`;
  return `<!doctype html><title>Another site</title>
<iframe name="sink"></iframe>
<form method="post" enctype="text/plain" action="${jobs}" target="sink"><input name='${name}' value='${value}'></form>
<script>
  const settle = (p) => p.then((r) => (r.type === 'opaque' ? 'sent' : 'read ' + r.status), () => 'refused');
  Promise.all([
    settle(fetch('${jobs}/${ids.cancel}/cancel', { method: 'POST', mode: 'no-cors', body: '{}' })),
    settle(fetch('${jobs}/${ids.start}/start', { method: 'POST', mode: 'no-cors', body: '{}' })),
    settle(fetch('${jobs}', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: ${JSON.stringify(createBody(fileId))} })),
    // These two need CORS: a preflight for the header, a readable answer for the list.
    settle(fetch('${jobs}', { method: 'POST', headers: { 'content-type': 'application/json', 'x-requested-with': 'mistral-ft-dashboard' }, body: '{}' })),
    settle(fetch('${jobs}')),
    // Unreadable, but it would spend the key's rate limit and fill the account's logs.
    settle(fetch('${jobs}?page_size=100', { mode: 'no-cors' })),
  ]).then((results) => { window.results = results; document.forms[0].submit(); });
</script>`;
}

async function emulatorState(request: import('@playwright/test').APIRequestContext) {
  return jobListSchema.parse(await (await request.get(`${API}/fine_tuning/jobs?page_size=1`)).json()).total;
}

for (const target of ['dev', 'production'] as const) {
  test(`a page on another origin cannot create, start or cancel a job through the ${target} server`, async ({
    page,
    request,
    createJob,
    getJob,
    waitForStatus,
  }) => {
    const app = target === 'dev' ? dev.url : production.url;
    const toCancel = await createJob({
      suffix: 'e2e-xsite',
      auto_start: true,
      hyperparameters: { training_steps: 2000 },
    });
    const toStart = await createJob({
      suffix: 'e2e-xsite',
      auto_start: false,
      hyperparameters: { training_steps: 10 },
    });
    await waitForStatus(toCancel.id, 'RUNNING');
    await waitForStatus(toStart.id, 'VALIDATED');
    const totalBefore = await emulatorState(request);
    attackPage = attack(app, { cancel: toCancel.id, start: toStart.id }, toStart.training_files[0]!);

    const sent: string[] = [];
    const statuses: number[] = [];
    const reads: number[] = [];
    page.on(
      'request',
      (r) => void (r.url().startsWith(app) && r.method() === 'POST' && sent.push(new URL(r.url()).pathname)),
    );
    page.on(
      'response',
      (r) => void (r.url().startsWith(app) && r.request().method() === 'POST' && statuses.push(r.status())),
    );
    // A refused cross-origin read has no response event (CORS or CORP hides it): count what left.
    page.on('request', (r) => void (r.url().startsWith(`${app}/v1/`) && r.method() === 'GET' && reads.push(1)));
    const upstreamBefore = tap.seen.length;
    await page.goto(attacker.url);

    // Nothing on the other origin can read an answer; the production server's
    // Cross-Origin-Resource-Policy even hides the opaque no-cors ones.
    const results = () => page.evaluate(() => (window as unknown as { results?: string[] }).results);
    await expect.poll(async () => (await results())?.length).toBe(6);
    expect((await results())!.slice(3, 5)).toEqual(['refused', 'refused']);
    for (const r of (await results())!) expect(r).toMatch(/^(sent|refused)$/);
    // The no-cors fetches and the form post left the browser (Playwright also lists the preflighted
    // POST, which Chromium holds back); whatever answered was a 403.
    const paths = [
      '/v1/fine_tuning/jobs',
      `/v1/fine_tuning/jobs/${toCancel.id}/cancel`,
      `/v1/fine_tuning/jobs/${toStart.id}/start`,
    ];
    await expect.poll(() => [...new Set(sent)].sort()).toEqual(paths.sort());
    await expect.poll(() => sent.filter((p) => p === paths[0]).length).toBeGreaterThanOrEqual(2);
    await expect.poll(() => statuses.length).toBeGreaterThan(0);
    for (const s of statuses) expect(s).toBe(403);
    // Reads too: both GETs left the browser, and none reached the API (security.spec.ts checks
    // the proxy's 403 for such a read on the dev server as well).
    await expect.poll(() => reads.length).toBeGreaterThanOrEqual(2);
    expect(tap.seen.slice(upstreamBefore)).toEqual([]);

    expect(await emulatorState(request)).toBe(totalBefore);
    expect((await getJob(toStart.id)).status).toBe('VALIDATED');
    expect((await getJob(toCancel.id)).status).toBe('RUNNING');
    await request.post(`${API}/fine_tuning/jobs/${toCancel.id}/cancel`);
  });
}

test('control: the attack body is a valid create, and the emulator itself reads it only as JSON', async ({
  request,
}) => {
  const files = fileListSchema.parse(await (await request.get(`${API}/files`)).json());
  const { name, value } = formFields(files.data.find((f) => f.filename === 'support-chats-train.jsonl')!.id);
  const data = `${name}=${value}\r\n`;
  // Under a JSON media type the same bytes create a job: the guard above is what stopped them.
  const res = await request.post(`${API}/fine_tuning/jobs`, { headers: { 'content-type': 'application/json' }, data });
  expect(res.status(), await res.text()).toBe(200);
  const job = (await res.json()) as { id: string };
  await request.post(`${API}/fine_tuning/jobs/${job.id}/cancel`);
  // As the form sent them (text/plain), the emulator refuses them too, as FastAPI does.
  const plain = await request.post(`${API}/fine_tuning/jobs`, { headers: { 'content-type': 'text/plain' }, data });
  expect(plain.status()).toBe(422);
  expect(((await plain.json()) as { detail: { loc: string[] }[] }).detail[0]?.loc).toEqual(['body']);
});
