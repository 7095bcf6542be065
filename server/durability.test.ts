/**
 * The real server process on a temp SQLite file: jobs acknowledged before a `kill -9` are all
 * there exactly once after a restart, and the running ones carry on to SUCCESS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { detailedJobSchema, jobListSchema, jobSchema } from '../contract/jobs';
import { fileSchema } from '../contract/files';

const dir = mkdtempSync(join(tmpdir(), 'emulator-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

async function start(port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: join(import.meta.dirname, '..'),
    env: {
      ...process.env,
      API_PORT: String(port),
      API_DB: join(dir, 'emulator.db'),
      API_TIME_SCALE: '50',
      API_SEED: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, base };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become healthy');
}

test(
  'kill -9 and restart: no acknowledged job lost or duplicated; running jobs finish',
  { timeout: 60_000 },
  async () => {
    const port = await freePort();
    const first = await start(port);
    const form = new FormData();
    form.append(
      'file',
      new File(['{"messages":[{"role":"user","content":"q"},{"role":"assistant","content":"a"}]}\n'], 'd.jsonl'),
    );
    const file = fileSchema.parse(await (await fetch(`${first.base}/v1/files`, { method: 'POST', body: form })).json());
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await fetch(`${first.base}/v1/fine_tuning/jobs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model: 'open-mistral-7b',
          training_files: [{ file_id: file.id }],
          hyperparameters: { training_steps: 20 },
          auto_start: true,
          suffix: `k${i}`,
        }),
      });
      expect(res.status).toBe(200);
      ids.push(jobSchema.parse(await res.json()).id);
    }
    // Let some of them get into training, then pull the plug.
    await new Promise((r) => setTimeout(r, 400));
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const second = await start(port);
    const deadline = Date.now() + 30_000;
    let list = jobListSchema.parse(await (await fetch(`${second.base}/v1/fine_tuning/jobs`)).json());
    while (list.data.some((j) => j.status !== 'SUCCESS') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      list = jobListSchema.parse(await (await fetch(`${second.base}/v1/fine_tuning/jobs`)).json());
    }
    expect(list.total).toBe(ids.length);
    expect(list.data.map((j) => j.id).sort()).toEqual([...ids].sort());
    expect(list.data.map((j) => j.status)).toEqual(ids.map(() => 'SUCCESS'));
    const detail = detailedJobSchema.parse(await (await fetch(`${second.base}/v1/fine_tuning/jobs/${ids[0]}`)).json());
    expect(detail.checkpoints.map((c) => c.step_number)).toEqual(Array.from({ length: 20 }, (_, i) => 20 - i));
    expect(detail.events.map((e) => e.data?.status)).toEqual([
      'QUEUED',
      'VALIDATING',
      'VALIDATED',
      'RUNNING',
      'SUCCESS',
    ]);

    second.child.kill('SIGTERM');
    const code = await new Promise((r) => second.child.once('exit', r));
    expect(code).toBe(0);
  },
);
