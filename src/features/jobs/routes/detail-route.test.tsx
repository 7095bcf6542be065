// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonResponse as json, stubFetch, type Answer } from '../../../test/fetch';
import { makeDetailedJob } from '../../../test/jobs';
import { renderApp } from '../../../test/render-app';
import { Component as DetailPage } from './detail-route';

const validated = makeDetailedJob({
  auto_start: false,
  model: 'ministral-3b-latest',
  status: 'VALIDATED',
  job_type: 'classifier',
  modified_at: 1_700_000_100,
  hyperparameters: { learning_rate: 0.0001, training_steps: 100, epochs: 4.2 },
  suffix: 'intent',
  metadata: {
    cost: 3.28,
    cost_currency: 'EUR',
    expected_duration_seconds: 400,
    train_tokens: 6_553_600,
    data_tokens: 137_274,
  },
  events: [{ name: 'status-updated', created_at: 1_700_000_100, data: { status: 'VALIDATED' } }],
  classifier_targets: [{ name: 'intent', labels: ['a', 'b'], weight: 1, loss_function: 'single_class' }],
});

function setup(answers: Record<string, Answer>, id = validated.id) {
  const fetch = stubFetch(answers, () => json(404, { detail: 'Job not found' }));
  renderApp([{ path: '/jobs/:jobId', Component: DetailPage }], { at: `/jobs/${id}` });
  return { fetch };
}

afterEach(cleanup);

describe('job detail page', () => {
  it('shows a validated job with its cost next to Start, and starts it after confirmation', async () => {
    const user = userEvent.setup();
    const path = `/v1/fine_tuning/jobs/${validated.id}`;
    let status = 'VALIDATED';
    const { fetch } = setup({
      [`GET ${path}`]: () => json(200, { ...validated, status }),
      [`POST ${path}/start`]: () => {
        status = 'QUEUED';
        return json(200, { ...validated, status });
      },
    });
    const title = await screen.findByRole('heading', { level: 1, name: 'intent' });
    const header = within(title.closest('header')!);
    expect(header.getByText('Validated')).toBeInTheDocument();
    const review = within(screen.getByRole('region', { name: 'Cost review' }));
    expect(review.getByText('6 min 40 s')).toBeInTheDocument();
    expect(review.getByText(/will charge this amount/)).toBeInTheDocument();
    // Start sits beside the title, where it stays whatever the status (and above the review).
    expect(header.getByRole('button', { name: 'Start job' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Clone' })).toHaveAttribute('href', `/jobs/new?from=${validated.id}`);

    await user.click(screen.getByRole('button', { name: 'Start job' }));
    const confirm = screen.getAllByRole('button', { name: 'Start job' }).find((b) => b.closest('dialog'));
    await user.click(confirm!);
    expect(await header.findByText('Queued')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start job' })).not.toBeInTheDocument();
    expect(fetch.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(true);
  });

  it('says so when the job does not exist', async () => {
    setup({}, 'missing');
    expect(await screen.findByRole('heading', { name: 'Job not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All jobs' })).toHaveAttribute('href', '/jobs');
  });

  it('shows what it can of a job whose answer breaks the contract, naming the wrong field', async () => {
    const user = userEvent.setup();
    const path = `/v1/fine_tuning/jobs/${validated.id}`;
    let answer: unknown = { ...validated, created_at: undefined, trained_tokens: 2 ** 53 };
    setup({ [`GET ${path}`]: () => json(200, answer) });
    expect(await screen.findByRole('heading', { level: 1, name: 'intent' })).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Job status' })).toHaveTextContent('Validated');
    expect(screen.getByText('ministral-3b-latest')).toBeInTheDocument();
    expect(screen.getByText(validated.id)).toBeInTheDocument();
    const note = screen.getByRole('alert');
    expect(within(note).getByText('created_at')).toBeInTheDocument();
    expect(note).toHaveTextContent('Field required');
    expect(screen.queryByText('Could not load this job')).not.toBeInTheDocument();
    // Nothing that acts on the job is offered from a half-read answer.
    expect(screen.queryByRole('button', { name: 'Start job' })).not.toBeInTheDocument();

    // Once the API sends the whole job, a retry shows the full page.
    answer = validated;
    await user.click(within(note).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('region', { name: 'Cost review' })).toBeInTheDocument();
  });

  it('keeps the error panel for an answer that is not a job at all', async () => {
    setup({ [`GET /v1/fine_tuning/jobs/${validated.id}`]: () => json(200, { object: 'list', data: [] }) });
    expect(await screen.findByRole('heading', { name: 'Could not load this job' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(/Unexpected answer from the API at id/);
  });
});
