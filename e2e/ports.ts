/**
 * Each Playwright worker has an emulator and a dashboard server of its own (playwright.config.ts
 * starts one pair per worker): specs count jobs, read totals and expect their own jobs on the
 * first page, which another spec creating jobs at the same moment would make untrue. A worker
 * finds its pair by its parallel index, which Playwright sets in the worker's environment before
 * any module loads.
 */
const API_PORT = Number(process.env.E2E_API_PORT ?? 8797);
const WEB_PORT = Number(process.env.E2E_WEB_PORT ?? 5197);

/** This worker's slot; 0 in the runner itself, which never talks to the servers. */
export const SLOT = Number(process.env.TEST_PARALLEL_INDEX ?? 0);

export const apiPort = (slot = SLOT) => API_PORT + slot;
export const webPort = (slot = SLOT) => WEB_PORT + slot;
