import type { APIRequestContext } from '@playwright/test';
import { detailedJobSchema, jobListSchema, type DetailedJob } from '../contract/jobs';
import { API, expect, test } from './fixtures';

/** A seeded finished job with validation metrics: three lines, a best checkpoint, a table to sort. */
async function finishedJobWithValidation(request: APIRequestContext): Promise<DetailedJob> {
  const list = jobListSchema.parse(
    await (await request.get(`${API}/fine_tuning/jobs?status=SUCCESS&page_size=100`)).json(),
  );
  for (const { id, validation_files } of list.data) {
    if (!validation_files?.length) continue;
    const job = detailedJobSchema.parse(await (await request.get(`${API}/fine_tuning/jobs/${id}`)).json());
    if (job.checkpoints.filter((c) => c.metrics.valid_loss != null).length >= 6) return job;
  }
  throw new Error('the emulator has seeded no finished job with validation metrics');
}

/** The checkpoint with the lowest validation loss, the earlier on a tie: the advisor's best. */
function bestByValidLoss(job: DetailedJob) {
  const scored = job.checkpoints.filter((c) => c.metrics.valid_loss != null);
  scored.sort((a, b) => a.metrics.valid_loss! - b.metrics.valid_loss! || a.step_number - b.step_number);
  return scored[0]!;
}

test('the chart keeps its smoothing, log scale and hidden lines across a reload, and zooms', async ({
  page,
  request,
}) => {
  const job = await finishedJobWithValidation(request);
  await page.goto(`/jobs/${job.id}`);
  const metrics = page.getByRole('region', { name: 'Metrics' });
  const chart = metrics.getByRole('img', { name: /loss/i });
  await expect(chart.locator('canvas')).toHaveCount(1);

  const log = metrics.getByRole('checkbox', { name: 'Log scale (loss)' });
  const smoothing = metrics.getByRole('slider', { name: 'Smoothing' });
  const accuracy = metrics.getByRole('button', { name: 'Valid accuracy' });
  await expect(log).not.toBeChecked();
  await expect(smoothing).not.toHaveValue('0');
  await expect(accuracy).toHaveAttribute('aria-pressed', 'true');

  await log.check();
  await smoothing.focus();
  await page.keyboard.press('Home');
  await expect(metrics.getByText('off', { exact: true })).toBeVisible();
  // The legend is buttons: reachable and pressed from the keyboard.
  await accuracy.focus();
  await page.keyboard.press('Enter');
  await expect(accuracy).toHaveAttribute('aria-pressed', 'false');

  await page.reload();
  await expect(chart.locator('canvas')).toHaveCount(1);
  await expect(log).toBeChecked();
  await expect(smoothing).toHaveValue('0');
  await expect(accuracy).toHaveAttribute('aria-pressed', 'false');

  // Drag across the plot to zoom; the way back is a visible button.
  const reset = metrics.getByRole('button', { name: 'Reset zoom' });
  await expect(reset).toHaveCount(0);
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.35, box.y + box.height * 0.4);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.65, box.y + box.height * 0.5, { steps: 6 });
  await page.mouse.up();
  await expect(reset).toBeVisible();
  await reset.click();
  await expect(reset).toHaveCount(0);
});

test('the table shows the same checkpoints, sorts by any column and marks the best row in words', async ({
  page,
  request,
}) => {
  const job = await finishedJobWithValidation(request);
  const best = bestByValidLoss(job);
  const steps = new Set(job.checkpoints.map((c) => c.step_number)).size;
  await page.goto(`/jobs/${job.id}`);
  const metrics = page.getByRole('region', { name: 'Metrics' });
  await expect(metrics.getByRole('list', { name: 'Training advice' })).toContainText(
    `Best at step ${best.step_number}: validation loss`,
  );

  await metrics.getByRole('button', { name: 'Show as table' }).click();
  const table = metrics.getByRole('table');
  const rows = table.getByRole('row');
  const firstRow = rows.nth(1);
  await expect(rows).toHaveCount(steps + 1);
  await expect(table.getByRole('columnheader', { name: 'Step' })).toHaveAttribute('aria-sort', 'descending');
  const bestRow = table.getByRole('row').filter({ hasText: 'Best' });
  await expect(bestRow).toHaveCount(1);
  await expect(bestRow.getByRole('rowheader')).toHaveText(`Best ${best.step_number}`);
  await expect(bestRow).toContainText(best.metrics.valid_loss!.toPrecision(4));

  // Lowest validation loss first: the best row comes to the top.
  const validHeader = table.getByRole('columnheader', { name: 'Valid loss' });
  await validHeader.getByRole('button').click();
  await expect(validHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.getByRole('columnheader', { name: 'Step' })).not.toHaveAttribute('aria-sort');
  await expect(firstRow.getByRole('rowheader')).toHaveText(`Best ${best.step_number}`);

  // Again: highest first.
  await validHeader.getByRole('button').click();
  await expect(validHeader).toHaveAttribute('aria-sort', 'descending');
  const worst = Math.max(...job.checkpoints.map((c) => c.metrics.valid_loss ?? -Infinity));
  await expect(firstRow).toContainText(worst.toPrecision(4));

  // Back to steps: newest first, then oldest first.
  const stepHeader = table.getByRole('columnheader', { name: 'Step' });
  await stepHeader.getByRole('button').click();
  await expect(stepHeader).toHaveAttribute('aria-sort', 'descending');
  await stepHeader.getByRole('button').click();
  await expect(stepHeader).toHaveAttribute('aria-sort', 'ascending');
  const firstStep = Math.min(...job.checkpoints.map((c) => c.step_number));
  await expect(firstRow.getByRole('rowheader')).toHaveText(new RegExp(`^(Best )?${firstStep}$`));
});
