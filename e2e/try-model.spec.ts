import { seriousViolations } from './axe';
import type { APIRequestContext, Page } from '@playwright/test';
import { chatCompletionSchema, classificationResponseSchema } from '../contract/chat';
import { jobListSchema } from '../contract/jobs';
import { API, expect, test } from './fixtures';

/** What the page sends by default. */
const SETTINGS = { temperature: 0.7, max_tokens: 256 };

/** A seeded succeeded job whose model is of this kind, active. */
async function succeededJob(request: APIRequestContext, classifier: boolean) {
  const jobs = jobListSchema.parse(
    await (await request.get(`${API}/fine_tuning/jobs?status=SUCCESS&page_size=100`)).json(),
  );
  for (const job of jobs.data) {
    const id = job.fine_tuned_model;
    if (!id || id.startsWith('ft:classifier:') !== classifier) continue;
    const card = await request.get(`${API}/models/${encodeURIComponent(id)}`);
    if (!card.ok()) continue;
    const { archived, root } = (await card.json()) as { archived: boolean; root: string };
    if (!archived) return { job, modelId: id, root };
  }
  throw new Error(`no succeeded ${classifier ? 'classifier' : 'completion'} job with an active model`);
}

/** The emulator's answer to the same prompt, asked directly and not streamed. */
async function plainAnswer(request: APIRequestContext, model: string, prompt: string) {
  const res = await request.post(`${API}/chat/completions`, {
    data: { model, messages: [{ role: 'user', content: prompt }], ...SETTINGS },
  });
  expect(res.status(), await res.text()).toBe(200);
  const answer = chatCompletionSchema.parse(await res.json());
  return { text: answer.choices[0]?.message.content ?? '', usage: answer.usage };
}

/** No serious or critical axe violation on the page with the pane in use, light and dark. */
async function expectAccessiblePane(page: Page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page, colorScheme)).toEqual([]);
  }
}

async function openModel(page: Page, jobId: string, modelId: string) {
  await page.goto(`/jobs/${jobId}`);
  await page.getByRole('link', { name: modelId }).click();
  await expect(page.getByRole('heading', { name: 'Try it' })).toBeVisible();
}

/** Every length the answer box went through, recorded in the page as it changed. */
async function recordLengths(page: Page, card: string) {
  await page.evaluate((name) => {
    const box = document.querySelector(`section[aria-label="${name}"] [data-testid="answer"]`);
    const seen: number[] = [];
    (window as unknown as { lengths: number[] }).lengths = seen;
    new MutationObserver(() => seen.push(box?.textContent?.length ?? 0)).observe(box!, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  }, card);
  return () => page.evaluate(() => new Set((window as unknown as { lengths: number[] }).lengths).size);
}

test('a completion model answers as it streams, the same words as its plain answer, its base beside it', async ({
  page,
  request,
}) => {
  const { job, modelId, root } = await succeededJob(request, false);
  const prompt = `Explain the refund process for annual plans (${test.info().repeatEachIndex})`;
  const tuned = await plainAnswer(request, modelId, prompt);
  const base = await plainAnswer(request, root, prompt);
  expect(base.text).not.toBe(tuned.text);

  await openModel(page, job.id, modelId);
  await expect(page.getByText('Answers come from the local emulator')).toBeVisible();
  await page.getByLabel('Prompt').fill(prompt);
  const card = page.getByRole('region', { name: 'Fine-tuned model' });
  const lengths = await recordLengths(page, 'Fine-tuned model');
  await page.getByRole('button', { name: 'Send' }).click();

  await expect(card.getByTestId('answer')).toHaveText(tuned.text);
  const { prompt_tokens: p, completion_tokens: c, total_tokens: t } = tuned.usage;
  await expect(card.getByRole('status')).toHaveText(`Finished · ${p} prompt + ${c} completion = ${t} tokens`);
  // Token by token, not all at once.
  expect(await lengths()).toBeGreaterThan(5);
  await expect(page.getByLabel('Prompt')).toHaveValue(prompt);

  // The same prompt to the base model, side by side.
  await page.getByLabel(`Also ask the base model (${root})`).check();
  await page.getByRole('button', { name: 'Send' }).click();
  const baseCard = page.getByRole('region', { name: 'Base model' });
  await expect(baseCard.getByTestId('answer')).toHaveText(base.text);
  await expect(card.getByTestId('answer')).toHaveText(tuned.text);
  await expect(baseCard.getByRole('status')).toHaveText(/^Finished · /);
  await expectAccessiblePane(page);
});

test('Stop mid-stream keeps what arrived and says it was stopped', async ({ page, request }) => {
  const { job, modelId } = await succeededJob(request, false);
  // The longest of a few answers, so there is time to stop it (20 ms a token).
  const prompts = Array.from({ length: 8 }, (_, i) => `Tell me everything about plan ${i} and its billing`);
  const answers = await Promise.all(prompts.map(async (p) => ({ p, ...(await plainAnswer(request, modelId, p)) })));
  const longest = answers.sort((a, b) => b.usage.completion_tokens - a.usage.completion_tokens)[0]!;
  expect(longest.usage.completion_tokens).toBeGreaterThan(40);

  await openModel(page, job.id, modelId);
  await page.getByLabel('Prompt').fill(longest.p);
  await page.getByRole('button', { name: 'Send' }).click();
  const card = page.getByRole('region', { name: 'Fine-tuned model' });
  await expect(card.getByTestId('answer')).toHaveText(/\w{2,}/);
  await page.getByRole('button', { name: 'Stop' }).click();

  await expect(card.getByRole('status')).toHaveText('Stopped: this is what arrived before Stop.');
  await expect(page.getByRole('button', { name: 'Stop' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Send' })).toBeFocused();
  const kept = (await card.getByTestId('answer').textContent()) ?? '';
  expect(kept.length).toBeGreaterThan(0);
  expect(kept.length).toBeLessThan(longest.text.length);
  expect(longest.text.startsWith(kept)).toBe(true);
  // Nothing more arrives after Stop.
  await page.waitForTimeout(300);
  await expect(card.getByTestId('answer')).toHaveText(kept);
});

test('an archived model: the API’s refusal, in its words, and no answer', async ({ page, request }) => {
  const { job, modelId } = await succeededJob(request, false);
  const archivePath = `${API}/fine_tuning/models/${encodeURIComponent(modelId)}/archive`;
  expect((await request.post(archivePath)).status()).toBe(200);
  try {
    await openModel(page, job.id, modelId);
    await page.getByLabel('Prompt').fill('Are you there?');
    await page.getByRole('button', { name: 'Send' }).click();
    const card = page.getByRole('region', { name: 'Fine-tuned model' });
    await expect(card.getByRole('alert')).toHaveText(
      `No answer: Model ${modelId} is archived: unarchive it to use it.`,
    );
    await expect(card.getByTestId('answer')).toHaveText('');
    await expect(page.getByLabel('Prompt')).toHaveValue('Are you there?');
  } finally {
    await request.delete(archivePath);
  }
});

test('a classifier model scores a text, each target’s labels highest first', async ({ page, request }) => {
  const { job, modelId } = await succeededJob(request, true);
  const text = 'My invoice was charged twice and I want my money back';
  const res = await request.post(`${API}/classifications`, { data: { model: modelId, input: text } });
  const expected = classificationResponseSchema.parse(await res.json()).results[0]!;

  await openModel(page, job.id, modelId);
  await expect(page.getByRole('button', { name: 'Send' })).toHaveCount(0);
  await page.getByLabel('Text to classify').fill(text);
  await page.getByRole('button', { name: 'Classify' }).click();
  for (const [target, { scores }] of Object.entries(expected)) {
    const labels = Object.entries(scores)
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .map(
        ([label, score]) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${(score * 100).toFixed(1)}%$`),
      );
    await expect(page.getByRole('region', { name: `Scores for ${target}` }).getByRole('listitem')).toHaveText(labels);
  }
  await expect(page.getByLabel('Text to classify')).toHaveValue(text);
  await expectAccessiblePane(page);
});
