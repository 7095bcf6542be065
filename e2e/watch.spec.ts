import { expect, test } from './fixtures';

// Strings, not functions: the test's compiler would wrap a function in helpers the page lacks.
const recordNotifications = `
  window.__notifications = [];
  const Real = window.Notification;
  window.Notification = class extends Real {
    constructor(title, options) {
      super(title, options);
      window.__notifications.push(title);
    }
  };
`;
const setTab = (visible: boolean) => `
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => '${visible ? 'visible' : 'hidden'}' });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => ${!visible} });
  document.hasFocus = () => ${visible};
  document.dispatchEvent(new Event('visibilitychange'));
  ${visible ? "window.dispatchEvent(new Event('focus'));" : ''}
`;

test('a watched job that ends while the tab is hidden gives one notification and a title mark until seen', async ({
  page,
  context,
  createJob,
  waitForStatus,
}) => {
  await context.grantPermissions(['notifications']);
  await page.addInitScript(recordNotifications);
  await page.clock.install();
  const job = await createJob({ suffix: 'e2e-watch', auto_start: true, hyperparameters: { training_steps: 200 } });
  await waitForStatus(job.id, 'RUNNING');

  await page.goto(`/jobs/${job.id}`);
  await page.getByRole('button', { name: 'Watch' }).click();
  await expect(page.getByRole('button', { name: 'Watching' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('group').or(page.locator('summary')).filter({ hasText: '1' }).first()).toBeVisible();

  // The tab goes to the background; the job ends meanwhile.
  await page.evaluate(setTab(false));
  await waitForStatus(job.id, 'SUCCESS', 60_000);
  // A hidden tab checks its watched jobs every 30 s, and only then.
  await page.clock.fastForward(31_000);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __notifications: string[] }).__notifications))
    .toEqual([expect.stringMatching(/^e2e-watch succeeded in \d/)]);
  await expect(page).toHaveTitle(/^\(1\) /);
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', '/favicon-unseen.svg');

  // Back on the tab: the page shows the server's status, and the mark goes.
  await page.evaluate(setTab(true));
  await expect(page.getByRole('status', { name: 'Job status' })).toHaveText(/Succeeded/);
  await expect(page).not.toHaveTitle(/^\(1\)/);
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', '/favicon.svg');
  // Announced once, however often the job is seen since.
  await page.clock.fastForward(31_000);
  expect(await page.evaluate(() => (window as unknown as { __notifications: string[] }).__notifications)).toHaveLength(
    1,
  );
});
