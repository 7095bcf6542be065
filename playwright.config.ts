import { existsSync, rmSync, mkdirSync } from 'node:fs';
import { defineConfig, devices, type PlaywrightTestConfig } from '@playwright/test';

type WebServer = Extract<NonNullable<PlaywrightTestConfig['webServer']>, unknown[]>[number];
import { chromium } from '@playwright/test';
import { localChromium, QUIET_CHROMIUM_ARGS } from './scripts/chromium';
import { apiPort, webPort } from './e2e/ports';

/**
 * The e2e suite drives real Chromium through the real proxy to the real emulator on a real SQLite
 * file (fresh each run), on ports of its own so a running `npm start` is untouched. The app is
 * the production build served by `npm run serve`'s server, as users run it: pages load in a few
 * requests instead of Vite's hundreds of modules, so the suite is several times faster and free
 * of dev-only effects (StrictMode's double mount). The dev server's proxy, the same handler, is
 * covered by e2e/security.spec.ts and e2e/cross-site.spec.ts.
 */
/**
 * Two workers, each with its own emulator (its own SQLite file) and its own server in front: the
 * suite waits on the emulator's clock far more than it uses the CPU, so two at once take little
 * more than half the time on two cores. E2E_WORKERS=1 runs it in one line.
 */
const WORKERS = Math.max(1, Number(process.env.E2E_WORKERS ?? 2));
const dbOf = (slot: number) => `.data/e2e-${apiPort(slot)}.db`;
/**
 * The build the suite serves: `npm test` passes the one `npm run size` has just made
 * (E2E_DIST=dist); run alone, the suite builds its own.
 */
const PREBUILT = process.env.E2E_DIST;
const DIST = PREBUILT ?? `.data/e2e-dist-${webPort(0)}`;

/** A browser we can launch: an explicit path, Debian's Chromium, or Playwright's own download. */
function chromiumPath(): string | undefined {
  if (localChromium) return localChromium;
  if (existsSync(chromium.executablePath())) return undefined;
  throw new Error(
    'No Chromium found for the e2e tests. Install one of:\n' +
      '  - Debian/Ubuntu: sudo apt-get install -y chromium   (then /usr/bin/chromium is used)\n' +
      "  - Playwright's own: npx playwright install chromium\n" +
      '  - or set CHROMIUM_PATH=/path/to/chromium',
  );
}

// Runs once per test run (the config is loaded by the runner and by each worker; the DB is reset by the runner only).
if (!process.env.TEST_WORKER_INDEX) {
  mkdirSync('.data', { recursive: true });
  for (let slot = 0; slot < WORKERS; slot++) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbOf(slot)}${suffix}`, { force: true });
  }
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: WORKERS,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    // Each worker loads this file too, with its own TEST_PARALLEL_INDEX: its own server's address.
    baseURL: `http://127.0.0.1:${webPort()}`,
    // A trace snapshots the page at every action of every test, kept only if the test fails. CI
    // keeps nothing but the printed report, so there it would be work thrown away.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    // What the page draws in motion (a running job's pulsing badge, skeletons) is repainted many
    // times a second for as long as it is on screen, and no test looks at it: with motion
    // reduced, as users can ask of the app, that CPU goes to the tests.
    reducedMotion: 'reduce',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: QUIET_CHROMIUM_ARGS,
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: Array.from({ length: WORKERS }, (_, slot): WebServer[] => [
    {
      command: 'tsx server/index.ts',
      url: `http://127.0.0.1:${apiPort(slot)}/healthz`,
      env: {
        API_PORT: String(apiPort(slot)),
        API_DB: dbOf(slot),
        API_TIME_SCALE: process.env.E2E_TIME_SCALE ?? '20',
        API_SEED: '1',
        // Lets fault specs make the next requests on a path fail (POST /_emulator/faults).
        API_FAULT_CONTROL: '1',
      },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // One build for every worker's server: the first server makes it, the others wait for it.
      command:
        PREBUILT || slot > 0
          ? 'npm run -s serve'
          : `vite build --logLevel warn --outDir ${DIST} --emptyOutDir && npm run -s serve`,
      url: `http://127.0.0.1:${webPort(slot)}/`,
      // The emulator by its port, as `npm start` points at it: the header then reads "Local emulator".
      env: {
        PORT: String(webPort(slot)),
        DIST_DIR: DIST,
        API_PORT: String(apiPort(slot)),
        MISTRAL_API_URL: '',
        MISTRAL_API_KEY: '',
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ]).flat(),
});
