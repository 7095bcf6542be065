import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { detailedJobSchema, jobListSchema, jobSchema, type DetailedJob, type Job, type JobIn } from '../contract/jobs';
import { fileListSchema, type FileObject } from '../contract/files';
import type { faultRulesInSchema } from '../server/faults/rules';
import type * as z from 'zod/mini';
import { apiPort } from './ports';

/** A rule as the emulator's control endpoint takes it (`times` and friends optional). */
type FaultRule = z.input<typeof faultRulesInSchema>['rules'][number];

/** Straight to this worker's emulator (not through the proxy): test setup is not what is under test. */
export const API = `http://127.0.0.1:${apiPort()}/v1`;
/** The emulator's fault control endpoint (enabled for the suite by playwright.config.ts). */
export const FAULTS_URL = API.replace(/\/v1$/, '/_emulator/faults');

/** Opens the create form and fills in the least a job needs: a model, the seeded training file, a few steps. */
export async function fillNewJob(page: Page, suffix: string) {
  await page.goto('/jobs/new');
  await page.getByLabel('Model').fill('open-mistral-7b');
  await page.getByLabel('Training files').selectOption({ label: 'support-chats-train.jsonl' });
  await page.getByLabel('Training steps').fill('5');
  await page.getByLabel('Suffix').fill(suffix);
}

/** Where toasts appear: a status or alert elsewhere on the page is never taken for one. */
export const notifications = (page: Page) => page.getByRole('region', { name: 'Notifications' });

async function trainingFile(request: APIRequestContext): Promise<FileObject> {
  const files = fileListSchema.parse(await (await request.get(`${API}/files`)).json());
  const file = files.data.find((f) => f.filename === 'support-chats-train.jsonl');
  if (!file) throw new Error('the emulator has not seeded support-chats-train.jsonl');
  return file;
}

interface Fixtures {
  /** How many jobs the API holds now. */
  jobTotal: () => Promise<number>;
  /** Makes the emulator fail the next requests that match (cleared after each test). */
  faults: (rules: FaultRule[]) => Promise<void>;
  /** Creates a job through the API; fills in a known training file when none is given. */
  createJob: (body?: Partial<JobIn>) => Promise<Job>;
  getJob: (id: string) => Promise<DetailedJob>;
  /** Polls the API until the job is in `status`. */
  waitForStatus: (id: string, status: string, timeoutMs?: number) => Promise<DetailedJob>;
  /** Creates a job long enough to be RUNNING for the rest of a test, and waits until it is. */
  runningJob: (suffix: string) => Promise<DetailedJob>;
}

export const test = base.extend<Fixtures>({
  faults: async ({ request }, use) => {
    await use(async (rules) => {
      const res = await request.post(FAULTS_URL, { data: { rules } });
      expect(res.status(), await res.text()).toBe(200);
    });
    await request.delete(FAULTS_URL);
  },
  createJob: async ({ request }, use) => {
    await use(async (body = {}) => {
      const file = await trainingFile(request);
      const res = await request.post(`${API}/fine_tuning/jobs`, {
        data: {
          model: 'open-mistral-7b',
          training_files: [{ file_id: file.id, weight: 1 }],
          hyperparameters: { training_steps: 10 },
          ...body,
        },
      });
      expect(res.status(), await res.text()).toBe(200);
      return jobSchema.parse(await res.json());
    });
  },
  jobTotal: async ({ request }, use) => {
    await use(
      async () => jobListSchema.parse(await (await request.get(`${API}/fine_tuning/jobs?page_size=1`)).json()).total,
    );
  },
  getJob: async ({ request }, use) => {
    await use(async (id) => detailedJobSchema.parse(await (await request.get(`${API}/fine_tuning/jobs/${id}`)).json()));
  },
  waitForStatus: async ({ getJob }, use) => {
    await use(async (id, status, timeoutMs = 30_000) => {
      let job = await getJob(id);
      await expect.poll(async () => (job = await getJob(id)).status, { timeout: timeoutMs }).toBe(status);
      return job;
    });
  },
  runningJob: async ({ createJob, waitForStatus }, use) => {
    await use(async (suffix) => {
      const job = await createJob({ suffix, auto_start: true, hyperparameters: { training_steps: 2000 } });
      return waitForStatus(job.id, 'RUNNING');
    });
  },
});

export { expect };
