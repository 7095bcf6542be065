// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FileObject } from '../../../contract/files';
import type { DetailedJob, Job } from '../../../contract/jobs';
import { api } from '../../lib/api-client';
import { filesApi } from '../files/api/client';
import { modelListApi } from '../models/api/model-list';
import { ApiError } from '../../lib/api-error';
import { createQueryClient } from '../../lib/query-client';
import { DRAFT_KEY, writeDraft } from './draft';
import { defaultValues } from './form-state';
import { Component } from './route';
import { A_FORM_BODY } from './testing';

const file = (id: string, filename: string): FileObject => ({
  id,
  filename,
  bytes: 2048,
  created_at: 1,
  purpose: 'fine-tune',
  num_lines: 10,
});
const JOB: Job = {
  id: '3f0c2a7e-5b1d-4c8e-9a61-0d2f7b8e4c11',
  auto_start: false,
  model: 'open-mistral-7b',
  status: 'QUEUED',
  job_type: 'completion',
  created_at: 1,
  modified_at: 1,
  training_files: ['f1'],
  hyperparameters: { learning_rate: 0.0001 },
};

// No vitest globals here, so Testing Library cannot register its own cleanup.
afterEach(cleanup);
beforeEach(() => {
  localStorage.clear();
  vi.spyOn(filesApi, 'listFiles').mockResolvedValue({ data: [file('f1', 'train.jsonl'), file('f2', 'valid.jsonl')] });
  vi.spyOn(modelListApi, 'list').mockResolvedValue({
    data: [{ id: 'open-mistral-7b', type: 'base', capabilities: { fine_tuning: true } }],
  });
});

function renderAt(url: string) {
  const router = createMemoryRouter(
    [
      { path: '/jobs/new', Component },
      { path: '/jobs/:jobId', element: <p>detail page</p> },
    ],
    { initialEntries: [url] },
  );
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { router, user: userEvent.setup() };
}

async function fillMinimal(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Model'), 'open-mistral-7b');
  const training = screen.getByLabelText('Training files');
  await within(training).findByRole('option', { name: 'train.jsonl' });
  await user.selectOptions(training, 'train.jsonl');
}

describe('create job page', () => {
  it('creates one job on a double click, then clears the draft and opens the job', async () => {
    const create = vi
      .spyOn(api, 'createJob')
      .mockImplementation(() => new Promise((r) => setTimeout(() => r(JOB), 30)));
    const { router, user } = renderAt('/jobs/new');
    await fillMinimal(user);
    await user.dblClick(screen.getByRole('button', { name: 'Create job' }));
    await screen.findByText('detail page');
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]?.[0]).toEqual(A_FORM_BODY);
    expect(router.state.location.pathname).toBe(`/jobs/${JOB.id}`);
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
  });

  it('ignores a second submit that arrives before React re-renders', async () => {
    const create = vi.spyOn(api, 'createJob').mockReturnValue(new Promise(() => {}));
    const { user } = renderAt('/jobs/new');
    await fillMinimal(user);
    const form = screen.getByRole('form', { name: 'New fine-tuning job' });
    fireEvent.submit(form);
    fireEvent.submit(form);
    await waitFor(() => expect(create).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 20));
    expect(create).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Create job' })).toBeDisabled();
  });

  it('shows each browser-side message next to its field and focuses the first one', async () => {
    const create = vi.spyOn(api, 'createJob');
    const { user } = renderAt('/jobs/new');
    await user.clear(screen.getByLabelText('Learning rate'));
    await user.type(screen.getByLabelText('Learning rate'), '2');
    await user.click(screen.getByRole('button', { name: 'Create job' }));
    const model = screen.getByLabelText('Model');
    expect(model).toHaveFocus();
    expect(model).toHaveAttribute('aria-invalid', 'true');
    expect(model).toHaveAccessibleDescription(expect.stringContaining('Field required'));
    expect(screen.getByLabelText('Training files')).toHaveAccessibleDescription(
      'At least one training file or repository is required.',
    );
    expect(screen.getByLabelText('Learning rate')).toHaveAccessibleDescription(
      expect.stringContaining('Input should be less than or equal to 1'),
    );
    expect(create).not.toHaveBeenCalled();

    // After the first submit, fixing a field and leaving it clears its message.
    await user.type(model, 'open-mistral-7b');
    await user.tab();
    expect(model).not.toHaveAttribute('aria-invalid');
  });

  it('checks a field when it loses focus, before any submit, and only that field', async () => {
    const { user } = renderAt('/jobs/new');
    const model = screen.getByLabelText('Model');
    await user.click(model);
    await user.tab();
    expect(model).toHaveAttribute('aria-invalid', 'true');
    expect(model).toHaveAccessibleDescription(expect.stringContaining('Field required'));
    // The other fields are not judged before the user has been there.
    expect(screen.getByLabelText('Training files')).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('alert')).toBeNull();

    const suffix = screen.getByLabelText('Suffix');
    await user.type(suffix, 'x'.repeat(19));
    expect(suffix).not.toHaveAttribute('aria-invalid');
    await user.tab();
    expect(suffix).toHaveAccessibleDescription(expect.stringContaining('Should have at most 18 characters'));
    // Leaving is never an edit: what was typed stays as typed.
    expect(suffix).toHaveValue('x'.repeat(19));

    await user.type(model, 'open-mistral-7b');
    await user.tab();
    expect(model).not.toHaveAttribute('aria-invalid');
  });

  it('lists every message above the form in screen order, each a link that focuses its field', async () => {
    const { user } = renderAt('/jobs/new');
    await user.clear(screen.getByLabelText('Learning rate'));
    await user.type(screen.getByLabelText('Learning rate'), '2');
    await user.click(screen.getByRole('button', { name: 'Create job' }));
    const summary = screen.getByRole('alert');
    expect(summary).toHaveTextContent('Check the 3 highlighted fields.');
    const links = within(summary).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual([
      'Model: Field required',
      'Training files: At least one training file or repository is required.',
      'Learning rate: Input should be less than or equal to 1',
    ]);
    await user.click(links[2]!);
    expect(screen.getByLabelText('Learning rate')).toHaveFocus();
    await user.click(links[1]!);
    expect(screen.getByLabelText('Training files')).toHaveFocus();

    // The summary follows the fixes, as each field is left.
    const rate = screen.getByLabelText('Learning rate');
    await user.clear(rate);
    await user.type(rate, '0.0001');
    await user.tab();
    expect(within(screen.getByRole('alert')).getAllByRole('link')).toHaveLength(2);
    expect(screen.getByRole('alert')).toHaveTextContent('Check the 2 highlighted fields.');
  });

  it("keeps the server's message on its row when an earlier row is removed", async () => {
    const detail = [{ loc: ['body', 'repositories', 1, 'name'], msg: 'Repository not found', type: 'value_error' }];
    vi.spyOn(api, 'createJob').mockRejectedValue(ApiError.from(422, 'Unprocessable Entity', { detail }, undefined));
    const repo = (name: string) => ({ owner: 'mistralai', name, ref: '', token: '', weight: '1' });
    writeDraft({ ...defaultValues(), model: 'open-mistral-7b', repositories: [repo('first'), repo('second')] });
    const { user } = renderAt('/jobs/new');
    // Tokens are not kept in the draft.
    await user.type(screen.getByLabelText('Repository 1 token'), 'ghp_x');
    await user.type(screen.getByLabelText('Repository 2 token'), 'ghp_y');
    await user.click(screen.getByRole('button', { name: 'Create job' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Repository 2 name')).toHaveAccessibleDescription('Repository not found'),
    );
    const link = within(screen.getByRole('alert')).getByRole('link');
    expect(link).toHaveTextContent('Repository 2 name: Repository not found');

    await user.click(screen.getByRole('button', { name: 'Remove repository 1' }));
    const name = screen.getByLabelText('Repository 1 name');
    expect(name).toHaveValue('second');
    expect(name).toHaveAccessibleDescription('Repository not found');
    expect(within(screen.getByRole('alert')).getByRole('link')).toHaveTextContent(
      'Repository 1 name: Repository not found',
    );
  });

  it('puts a 422 from the server on the field its loc names', async () => {
    const detail = [
      {
        loc: ['body', 'hyperparameters', 'learning_rate'],
        msg: 'Value error, Too high for this model.',
        type: 'value_error',
      },
    ];
    vi.spyOn(api, 'createJob').mockRejectedValue(ApiError.from(422, 'Unprocessable Entity', { detail }, undefined));
    const { user } = renderAt('/jobs/new');
    await fillMinimal(user);
    await user.click(screen.getByRole('button', { name: 'Create job' }));
    const rate = screen.getByLabelText('Learning rate');
    await waitFor(() => expect(rate).toHaveFocus());
    expect(rate).toHaveAccessibleDescription(expect.stringContaining('Too high for this model.'));
    // Editing the field retires the server's message about it.
    await user.type(rate, '5');
    expect(rate).not.toHaveAttribute('aria-invalid');
  });

  it('shows any other refusal above the form and keeps what was typed', async () => {
    const error = ApiError.from(
      422,
      '',
      { detail: 'Model not available for this type of fine-tuning (completion).' },
      undefined,
    );
    vi.spyOn(api, 'createJob').mockRejectedValue(error);
    const { user } = renderAt('/jobs/new');
    await fillMinimal(user);
    await user.click(screen.getByRole('button', { name: 'Create job' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Model not available for this type of fine-tuning (completion).');
    expect(alert).toHaveFocus();
    expect(screen.getByLabelText('Model')).toHaveValue('open-mistral-7b');
    expect(screen.getByRole('button', { name: 'Create job' })).toBeEnabled();
  });

  it('restores the draft on load, and "Reset form" empties it', async () => {
    writeDraft({ ...defaultValues(), model: 'codestral-latest', suffix: 'again' });
    const { user } = renderAt('/jobs/new');
    expect(screen.getByLabelText('Model')).toHaveValue('codestral-latest');
    expect(screen.getByLabelText('Suffix')).toHaveValue('again');
    await user.click(screen.getByRole('button', { name: 'Reset form' }));
    expect(screen.getByLabelText('Model')).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(screen.getByLabelText('Model')).toHaveValue('codestral-latest');
  });

  it('uploads a JSONL file and selects it, or shows the line the server refused', async () => {
    const upload = vi
      .spyOn(filesApi, 'uploadFile')
      .mockRejectedValueOnce(ApiError.from(422, '', { detail: 'bad.jsonl: line 3: Expecting value' }, undefined))
      .mockResolvedValueOnce(file('f9', 'fresh.jsonl'));
    const { user } = renderAt('/jobs/new');
    const input = screen.getByLabelText('Upload JSONL training file');
    await user.upload(input, new File(['{}\n'], 'bad.jsonl'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Upload refused: bad.jsonl: line 3: Expecting value');
    await user.upload(input, new File(['{}\n'], 'fresh.jsonl'));
    await waitFor(() => expect(screen.getByLabelText('Training files')).toHaveValue('f9'));
    expect(upload).toHaveBeenCalledTimes(2);
  });

  it('prefills from ?from=<id>, without secrets, and drops ?from so a reload keeps edits', async () => {
    const source: DetailedJob = {
      ...JOB,
      auto_start: true,
      suffix: 'sat',
      hyperparameters: { learning_rate: 0.00001, training_steps: 69, epochs: 2 },
      integrations: [{ type: 'wandb', project: 'proj' }],
      events: [],
      checkpoints: [],
    };
    vi.spyOn(api, 'getJob').mockResolvedValue(source);
    const { router } = renderAt(`/jobs/new?from=${JOB.id}`);
    expect(await screen.findByText(/Cloned from job/)).toHaveTextContent('Cloned from job 3f0c2a7e');
    expect(router.state.location.search).toBe('');
    expect(screen.getByLabelText('Model')).toHaveValue('open-mistral-7b');
    expect(screen.getByLabelText('Suffix')).toHaveValue('sat');
    expect(screen.getByLabelText('Training steps')).toHaveValue('69');
    expect(screen.getByLabelText('Epochs')).toHaveValue('');
    expect(screen.getByLabelText('W&B project')).toHaveValue('proj');
    expect(screen.getByLabelText('W&B API key')).toHaveValue('');
    expect(screen.getByLabelText('Auto start')).not.toBeChecked();
  });
});
