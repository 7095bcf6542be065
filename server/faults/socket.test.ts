/** Drops through a real port: the client sees a closed connection, not a response. */
import { expect, test } from 'vitest';
import { jobListSchema } from '../../contract/jobs';
import { listenDuringTests, setup } from '../testing';

const s = setup({ faults: { control: true } });
const server = listenDuringTests(s.app);

const JOBS = '/v1/fine_tuning/jobs';
const create = (fault: string) =>
  fetch(`${server.url}${JOBS}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-emulator-fault': fault },
    body: JSON.stringify({ model: 'open-mistral-7b', training_files: [{ file_id: s.addFile() }], hyperparameters: {} }),
  });
const total = async () => jobListSchema.parse(await (await fetch(`${server.url}${JOBS}`)).json()).total;

test('drop closes the connection without an answer and creates nothing', async () => {
  await expect(fetch(`${server.url}${JOBS}`, { headers: { 'x-emulator-fault': 'drop' } })).rejects.toThrow(
    /fetch failed/,
  );
  await expect(create('drop')).rejects.toThrow(/fetch failed/);
  expect(await total()).toBe(0);
});

test('drop-after: the client sees no answer, yet the job was created and committed', async () => {
  await expect(create('drop-after')).rejects.toThrow(/fetch failed/);
  expect(await total()).toBe(1);
});

test('a drop rule from the control endpoint hits the next request only', async () => {
  await fetch(`${server.url}/_emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ rules: [{ path: JOBS, method: 'GET', fault: 'drop' }] }),
  });
  await expect(fetch(`${server.url}${JOBS}`)).rejects.toThrow(/fetch failed/);
  expect((await fetch(`${server.url}${JOBS}`)).status).toBe(200);
});

test('error faults arrive as real HTTP answers', async () => {
  const res = await fetch(`${server.url}${JOBS}`, { headers: { 'x-emulator-fault': '429' } });
  expect(res.status).toBe(429);
  expect(res.headers.get('retry-after')).toBe('1');
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(await res.json()).toEqual({ message: 'Requests rate limit exceeded' });
});

test('hang keeps a real connection silent until the client gives up; the server answers others meanwhile', async () => {
  const t0 = performance.now();
  const silent = fetch(`${server.url}${JOBS}`, {
    headers: { 'x-emulator-fault': 'hang' },
    signal: AbortSignal.timeout(300),
  });
  await expect(silent).rejects.toThrow(/timeout|aborted/i);
  expect(performance.now() - t0).toBeGreaterThanOrEqual(280);
  expect((await fetch(`${server.url}${JOBS}`)).status).toBe(200);
});
