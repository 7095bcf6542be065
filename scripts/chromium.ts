/**
 * The Chromium this project drives (e2e suite, Lighthouse, idle-requests, screenshots): an
 * explicit path, else Debian's. Playwright cannot download browsers everywhere (TOOLCHAIN.md).
 */
import { existsSync } from 'node:fs';

export const localChromium = [
  process.env.CHROMIUM_PATH,
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
].find((p): p is string => !!p && existsSync(p));

/** Nothing of its own on the network while measured or tested: no updates, sync or QUIC probes. */
export const QUIET_CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
