import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Whatever way the form is reached, what the user types at once is still there after the page's
 * late arrivals (models, files, the draft) have landed.
 */
const typed = {
  Model: 'open-mistral-7b',
  Suffix: 'kept-typing',
  'Learning rate': '0.0002',
  'Training steps': '12',
};

async function typeAtOnce(page: Page, fields: Partial<typeof typed> = typed) {
  // At once is as soon as the form is on screen. The address changes first: until the form's code
  // is in, the page being left stays (inert), and its own Model filter answers to the same label.
  await expect(page.getByRole('heading', { level: 1, name: 'New fine-tuning job' })).toBeVisible();
  for (const [label, value] of Object.entries(fields)) {
    const field = page.getByLabel(label, { exact: true });
    await field.clear();
    await field.pressSequentially(value);
  }
}

async function expectKept(page: Page, fields: Partial<typeof typed> = typed) {
  // The late arrivals: the training files, the model suggestions, and a saved draft.
  await expect(
    page.getByLabel('Training files').locator('option', { hasText: 'support-chats-train.jsonl' }),
  ).toHaveCount(1);
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).some((k) => /draft/i.test(k)))).toBe(true);
  // Three times the list's filter debounce, the longest delayed write the app makes.
  await page.waitForTimeout(1500);
  for (const [label, value] of Object.entries(fields)) {
    await expect(page.getByLabel(label, { exact: true }), label).toHaveValue(value);
  }
  await expect(page.getByText('Field required')).toHaveCount(0);
}

test.beforeEach(async ({ page }) => {
  // Each way starts from no draft, as a new user does.
  await page.goto('/jobs');
  await page.evaluate(() => localStorage.clear());
});

test('typing right after the header link is kept', async ({ page }) => {
  await page.goto('/jobs');
  await expect(page.getByRole('table')).toBeVisible();
  await page.getByRole('banner').getByRole('link', { name: 'New job' }).click();
  await typeAtOnce(page);
  await expectKept(page);
});

test('typing right after the list page button is kept', async ({ page }) => {
  await page.goto('/jobs');
  await page.getByRole('main').getByRole('link', { name: 'New job' }).click();
  await typeAtOnce(page);
  await expectKept(page);
});

test('typing right after a filter was edited on the list is kept', async ({ page }) => {
  await page.goto('/jobs');
  // A search still waiting for its pause when the user leaves the list.
  await page.getByLabel('Search', { exact: true }).fill('no-such-suffix');
  await page.getByRole('banner').getByRole('link', { name: 'New job' }).click();
  await expect(page).toHaveURL(/\/jobs\/new$/);
  await typeAtOnce(page);
  await expectKept(page);
  await expect(page).toHaveURL(/\/jobs\/new$/);
});

test('typing right after Clone is kept', async ({ page, createJob }) => {
  const source = await createJob({ suffix: 'e2e-typing', hyperparameters: { training_steps: 7 } });
  await page.goto(`/jobs/${source.id}`);
  await page.getByRole('link', { name: 'Clone' }).click();
  await expect(page.getByLabel('Suffix')).toHaveValue('e2e-typing');
  const fields = { Suffix: 'kept-after-clone', 'Learning rate': '0.0003' };
  await typeAtOnce(page, fields);
  await expectKept(page, fields);
  await expect(page.getByLabel('Training steps')).toHaveValue('7');
});

test('typing right after opening the URL is kept', async ({ page }) => {
  await page.goto('/jobs/new');
  await typeAtOnce(page);
  await expectKept(page);
});
