import { API, expect, notifications, test } from './fixtures';

/**
 * The job moves through the API (a teammate, the SDK, curl) while the page still shows it as it
 * was. The page must say what happened, not that its own click did it.
 */
const JOBS = `${API}/fine_tuning/jobs`;
// Long enough that a started job is still running when the page looks.
const LONG = { training_steps: 2000 };

interface Case {
  title: string;
  suffix: string;
  /** What happens to the VALIDATED job through the API while the page shows it. */
  elsewhere: 'start' | 'cancel';
  /** Where it has got to when the user clicks; unset: the moment after the API call. */
  settled?: 'RUNNING' | 'CANCELLED';
  /** The page's button, and its confirm in the dialog. */
  action: 'Start job' | 'Cancel job';
  /** The toast: an error when the user's action did not happen as asked, else a status. */
  toast: { role: 'alert' | 'status'; text: string };
  /** The status the page shows after, and what it must not claim. */
  shows: RegExp;
  neverSays: RegExp;
}

// Each job waits at VALIDATED for the user, so the page does not refresh it fast on its own.
const cases: Case[] = [
  {
    title: 'Start on a job cancelled elsewhere says it was cancelled before it could start',
    suffix: 'e2e-gone',
    elsewhere: 'cancel',
    action: 'Start job',
    toast: { role: 'alert', text: 'e2e-gone was cancelled before it could start' },
    shows: /Cancelled/,
    neverSays: /^Started/,
  },
  {
    title: 'Start on a job started elsewhere says so and shows it running',
    suffix: 'e2e-twice',
    elsewhere: 'start',
    settled: 'RUNNING',
    action: 'Start job',
    toast: { role: 'status', text: 'e2e-twice was already started elsewhere' },
    shows: /Running/,
    neverSays: /^Started/,
  },
  {
    title: 'Cancel on a job cancelled elsewhere says it is already cancelled',
    suffix: 'e2e-stopped',
    elsewhere: 'cancel',
    settled: 'CANCELLED',
    action: 'Cancel job',
    toast: { role: 'status', text: 'e2e-stopped is already cancelled' },
    shows: /Cancelled/,
    neverSays: /Cancellation requested/,
  },
];

for (const c of cases) {
  test(c.title, async ({ page, request, createJob, waitForStatus }) => {
    const job = await createJob({ suffix: c.suffix, auto_start: false, hyperparameters: LONG });
    await waitForStatus(job.id, 'VALIDATED');
    await page.goto(`/jobs/${job.id}`);
    const status = page.getByRole('status', { name: 'Job status' });
    await expect(status).toHaveText(/Validated/);

    expect((await request.post(`${JOBS}/${job.id}/${c.elsewhere}`)).status()).toBe(200);
    if (c.settled) await waitForStatus(job.id, c.settled);
    await page.getByRole('button', { name: c.action }).click();
    await page.getByRole('dialog').getByRole('button', { name: c.action }).click();

    await expect(notifications(page).getByRole(c.toast.role).filter({ hasText: c.toast.text })).toBeVisible();
    await expect(status).toHaveText(c.shows);
    await expect(page.getByText(c.neverSays)).toHaveCount(0);
    await expect(page.getByRole('button', { name: c.action })).toHaveCount(0);
  });
}
