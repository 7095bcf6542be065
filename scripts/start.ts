/**
 * `npm start`: the local emulator (unless a real API is configured) and the web app together.
 * Prints the URL to open; Ctrl-C stops both.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolveUpstream } from '../proxy/config';

const bin = (name: string) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
const upstream = resolveUpstream(process.env);
const webPort = Number(process.env.PORT ?? 5173);
const children: ChildProcess[] = [];

function run(name: string, command: string, args: string[]) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
  const tag = `[${name}]`;
  child.stdout?.on('data', (d: Buffer) => process.stdout.write(prefix(tag, d)));
  child.stderr?.on('data', (d: Buffer) => process.stderr.write(prefix(tag, d)));
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${tag} exited (${signal ?? code}); stopping.`);
    void stop(code ?? 1);
  });
  children.push(child);
  return child;
}

const prefix = (tag: string, d: Buffer) =>
  d
    .toString()
    .split('\n')
    .map((line, i, all) => (i === all.length - 1 && line === '' ? '' : `${tag} ${line}\n`))
    .join('');

async function waitFor(url: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

let stopping = false;
async function stop(code: number) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

if (upstream.kind === 'emulator') {
  run('api', bin('tsx'), ['server/index.ts']);
  await waitFor(`${upstream.target}/healthz`, 60_000);
} else {
  console.log(
    `Using ${upstream.target}${upstream.apiKey ? ' with the key from MISTRAL_API_KEY' : ''}; the emulator is not started.`,
  );
}
run('web', bin('vite'), ['--port', String(webPort), '--strictPort', '--clearScreen', 'false']);
await waitFor(`http://127.0.0.1:${webPort}/`, 60_000);
console.log(`\n  Dashboard ready: http://127.0.0.1:${webPort}/   (Ctrl-C stops it)\n`);
