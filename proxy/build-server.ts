/**
 * The production server (`npm run serve`) as one plain JavaScript file, bundled by esbuild with
 * its packages left as imports: the server's process then runs without tsx's compiler in it.
 * That compiler's 3 MB of heap put the proxy past the old-generation size at which V8 starts
 * incremental marking, and under load it ran a full collection every ~110 ms: a list call through
 * the proxy cost 1.33× the emulator's own time, and 1.22× without it
 * (docs/decisions/0019-production-server-as-plain-javascript.md).
 *
 * `tsx proxy/build-server.ts` builds it; `serverBundle()` builds it from a script. It takes about
 * 50 ms, so every start builds it afresh and it is never stale.
 */
import { buildSync } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where the bundle goes: beside dist/, so serve-main's `../dist` is the same directory from both. */
const SERVER_BUNDLE = fileURLToPath(new URL('../dist-server/serve-main.js', import.meta.url));

/** Builds the bundle and returns its path. Safe to call from several processes at once. */
export function serverBundle(): string {
  const { outputFiles } = buildSync({
    entryPoints: [fileURLToPath(new URL('./serve-main.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: SERVER_BUNDLE,
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(dirname(SERVER_BUNDLE), { recursive: true });
  // Written aside and renamed: a server starting meanwhile reads the old file or the new one whole.
  const aside = `${SERVER_BUNDLE}.${process.pid}.tmp`;
  writeFileSync(aside, outputFiles[0]!.contents);
  renameSync(aside, SERVER_BUNDLE);
  return SERVER_BUNDLE;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) serverBundle();
