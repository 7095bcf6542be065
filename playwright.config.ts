import { existsSync, rmSync, mkdirSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { chromium } from '@playwright/test';
import { localChromium, QUIET_CHROMIUM_ARGS } from './scripts/chromium';

/**
 * The e2e suite drives real Chromium through the real proxy to the real emulator on a real SQLite
 * file (fresh each run), on ports of its own so a running `npm start` is untouched. The app is
 * the production build served by `npm run serve`'s server, as users run it: pages load in a few
 * requests instead of Vite's hundreds of modules, so the suite is several times faster and free
 * of dev-only effects (StrictMode's double mount). The dev server's proxy, the same handler, is
 * covered by e2e/security.spec.ts and e2e/cross-site.spec.ts.
 */
const API_PORT = Number(process.env.E2E_API_PORT ?? 8797);
const WEB_PORT = Number(process.env.E2E_WEB_PORT ?? 5197);
const E2E_API_URL = `http://127.0.0.1:${API_PORT}`;
const DB = `.data/e2e-${API_PORT}.db`;
/**
 * The build the suite serves: `npm test` passes the one `npm run size` has just made
 * (E2E_DIST=dist); run alone, the suite builds its own.
 */
const PREBUILT = process.env.E2E_DIST;
const DIST = PREBUILT ?? `.data/e2e-dist-${WEB_PORT}`;

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
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${DB}${suffix}`, { force: true });
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${WEB_PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: QUIET_CHROMIUM_ARGS,
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: [
    {
      command: 'tsx server/index.ts',
      url: `${E2E_API_URL}/healthz`,
      env: {
        API_PORT: String(API_PORT),
        API_DB: DB,
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
      command: PREBUILT
        ? 'tsx proxy/serve-main.ts'
        : `vite build --logLevel warn --outDir ${DIST} --emptyOutDir && tsx proxy/serve-main.ts`,
      url: `http://127.0.0.1:${WEB_PORT}/`,
      // The emulator by its port, as `npm start` points at it: the header then reads "Local emulator".
      env: {
        PORT: String(WEB_PORT),
        DIST_DIR: DIST,
        API_PORT: String(API_PORT),
        MISTRAL_API_URL: '',
        MISTRAL_API_KEY: '',
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
