/**
 * The real emulator process on a free loopback port, for the durability test and the bench:
 * they need what app.request() cannot give, a process to kill and a socket to load.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

/** A server process on a loopback port (the emulator, the production server, the bench's bare proxy). */
export interface ServerProcess {
  child: ChildProcess;
  base: string;
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<number | string>;
}

export interface ServerStart {
  /** Said in the errors: "emulator exited with 1". */
  name: string;
  /** Node's arguments: a script and its loader, or `-e` and a program. */
  args: readonly string[];
  /** Added to this process's environment; the port is the caller's to pass, by its own name. */
  env: Record<string, string>;
  port: number;
  /** A path on the server that answers 2xx once it is ready. */
  probe: string;
  seconds?: number;
}

/**
 * Runs node from the repository's root and waits until the probe answers, 100 ms apart: it fails
 * at once if the process exits, and kills it after `seconds` (30 unless told).
 */
export async function startServer({ name, args, env, port, probe, seconds = 30 }: ServerStart): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < seconds * 10; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    const ok = await fetch(`${base}${probe}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, base, exited };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${name} did not answer within ${seconds} s`);
}

/** Starts `server/index.ts` with `env` added (API_DB is required) and waits for /healthz. */
export async function startEmulator(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  port ??= await freePort();
  const apiEnv = { API_SEED: '0', ...env, API_PORT: String(port), API_HOST: '127.0.0.1' };
  const args = ['--import', 'tsx', 'server/index.ts'];
  return startServer({ name: 'emulator', args, env: apiEnv, port, probe: '/healthz' });
}
