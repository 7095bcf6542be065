import { expect, test } from './fixtures';

test('the form estimates what the chosen file and steps amount to, and warns on waste, as the user types', async ({
  page,
}) => {
  await page.goto('/jobs/new');
  const estimate = page.locator('p', { hasText: /^Estimate:/ });
  // A learning rate far from the default is named before any file is chosen.
  await page.getByLabel('Learning rate').fill('0.01');
  await expect(page.getByText(/A learning rate of 0\.01 is 100× the default/)).toBeVisible();
  await page.getByLabel('Learning rate').fill('');

  const files = page.getByLabel('Training files');
  await expect(files.locator('option', { hasText: 'support-chats-train.jsonl' })).toBeAttached();
  await files.selectOption({
    label: (await files.locator('option', { hasText: 'support-chats-train.jsonl' }).textContent())!,
  });
  await page.getByLabel('Training steps').fill('10');
  await expect(estimate).toHaveText(
    /^Estimate: 10 steps ≈ [\d.,]+ epochs? of your [\d,]+-line file, [\d.,]+[KMB]? tokens/,
  );
  await expect(page.getByText(/will learn it by heart/)).toHaveCount(0);

  // Far too many passes over the same data: said while typing, before anything is sent.
  await page.getByLabel('Training steps').fill('5000');
  await expect(
    page.getByText(/5,000 steps ≈ [\d.,]+ epochs of your [\d,]+-line file: the model will learn it by heart/),
  ).toBeVisible();
});
