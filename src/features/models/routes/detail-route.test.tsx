// @vitest-environment jsdom
import type { QueryClient } from '@tanstack/react-query';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FineTunedModelCard } from '../../../../contract/fine-tuned-models';
import { createQueryClient } from '../../../lib/query-client';
import { jsonResponse as json, stubFetch, type Answer } from '../../../test/fetch';
import { renderApp } from '../../../test/render-app';
import { fineTunedModelQueries } from '../api/queries';
import { JobModelLink } from '../components/job-model-link';
import { Component as ModelPage } from './detail-route';

const ID = 'ft:open-mistral-7b:7d1e5c3a:support:4f2a';
const card: FineTunedModelCard = {
  id: ID,
  object: 'model',
  created: 1_700_000_000,
  owned_by: 'org',
  capabilities: { completion_chat: true, function_calling: true, classification: false },
  name: ID,
  description: 'Fine-tuned from open-mistral-7b.',
  max_context_length: 32768,
  aliases: [],
  type: 'fine-tuned',
  job: '20178c3c-aaaa-bbbb-cccc-000000000000',
  root: 'open-mistral-7b',
  archived: false,
};
const modelOut = (over: Partial<{ name: string | null; archived: boolean }> = {}) => ({
  id: ID,
  object: 'model',
  created: card.created,
  owned_by: 'org',
  workspace_id: 'ws',
  root: card.root,
  root_version: 'open-mistral-7b-2407',
  archived: false,
  name: card.name,
  description: card.description,
  capabilities: {},
  job: card.job,
  model_type: 'completion',
  ...over,
});

const enc = encodeURIComponent(ID);

function setup(answers: Record<string, Answer>) {
  const fetch = stubFetch(answers, () => json(404, { detail: 'Model not found.' }));
  const qc = createQueryClient();
  // The list as the models page left it, to see that writes reach it too.
  qc.setQueryData(fineTunedModelQueries.list().queryKey, [card]);
  renderApp(
    [
      {
        path: '/models/:modelId',
        Component: () => (
          <>
            <div data-testid="job-page">
              <JobModelLink modelId={ID} />
            </div>
            <ModelPage />
          </>
        ),
      },
    ],
    { at: `/models/${enc}`, queryClient: qc },
  );
  return { fetch, qc };
}

const listed = (qc: QueryClient) => qc.getQueryData(fineTunedModelQueries.list().queryKey);
const jobPage = () => within(screen.getByTestId('job-page'));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('model page', () => {
  it('shows the model and code that uses it', async () => {
    setup({ [`GET /v1/models/${enc}`]: () => json(200, card) });
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(ID);
    expect(screen.getByRole('button', { name: 'Copy model ID' })).toBeInTheDocument();
    expect(screen.getByText('32,768 tokens')).toBeInTheDocument();
    expect(screen.getByRole('tabpanel')).toHaveTextContent(`"model": "${ID}"`);
    expect(screen.getByRole('link', { name: 'Job 20178c3c' })).toHaveAttribute('href', `/jobs/${card.job}`);
  });

  it('renames in place: the page, the list and the job page agree once the server has said yes', async () => {
    const user = userEvent.setup();
    let sent: unknown;
    const { qc } = setup({
      [`GET /v1/models/${enc}`]: () => json(200, card),
      [`PATCH /v1/fine_tuning/models/${enc}`]: (init) => {
        sent = JSON.parse(init?.body as string);
        return json(200, modelOut({ name: 'Support bot' }));
      },
      'GET /v1/models': () => json(200, { object: 'list', data: [{ ...card, name: 'Support bot' }] }),
    });
    await user.click(await screen.findByRole('button', { name: 'Edit name' }));
    await user.clear(screen.getByRole('textbox', { name: 'Name' }));
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Support bot{Enter}');
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Support bot');
    expect(sent).toEqual({ name: 'Support bot' });
    expect(jobPage().getByText('Support bot')).toBeInTheDocument();
    expect(listed(qc)?.[0]?.name).toBe('Support bot');
  });

  it('shows a refused rename on the field and keeps the old name', async () => {
    const user = userEvent.setup();
    setup({
      [`GET /v1/models/${enc}`]: () => json(200, card),
      [`PATCH /v1/fine_tuning/models/${enc}`]: () =>
        json(422, { detail: [{ loc: ['body', 'name'], msg: 'String should have at most 64 characters', type: 'x' }] }),
    });
    await user.click(await screen.findByRole('button', { name: 'Edit name' }));
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'x{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('String should have at most 64 characters');
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(ID);
  });

  it('clears a description sent empty, as null', async () => {
    const user = userEvent.setup();
    let sent: unknown;
    setup({
      [`GET /v1/models/${enc}`]: () => json(200, card),
      [`PATCH /v1/fine_tuning/models/${enc}`]: (init) => {
        sent = JSON.parse(init?.body as string);
        return json(200, { ...modelOut(), description: null });
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Edit description' }));
    await user.clear(screen.getByRole('textbox', { name: 'Description' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('No description')).toBeInTheDocument();
    expect(sent).toEqual({ description: null });
  });

  it('archives and unarchives, with the job page following', async () => {
    const user = userEvent.setup();
    const { qc } = setup({
      [`GET /v1/models/${enc}`]: () => json(200, card),
      [`POST /v1/fine_tuning/models/${enc}/archive`]: () => json(200, { id: ID, object: 'model', archived: true }),
      [`DELETE /v1/fine_tuning/models/${enc}/archive`]: () => json(200, { id: ID, object: 'model', archived: false }),
      'GET /v1/models': () => json(200, { object: 'list', data: [card] }),
    });
    await user.click(await screen.findByRole('button', { name: 'Archive' }));
    expect(await screen.findByRole('status', { name: 'Model state' })).toHaveTextContent('Archived');
    expect(jobPage().getByText('Archived')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Unarchive' }));
    await waitFor(() => expect(screen.getByRole('status', { name: 'Model state' })).toHaveTextContent('Active'));
    expect(jobPage().queryByText('Archived')).not.toBeInTheDocument();
    expect(listed(qc)?.[0]?.archived).toBe(false);
  });

  it('does not show a refused archive as done', async () => {
    const user = userEvent.setup();
    setup({
      [`GET /v1/models/${enc}`]: () => json(200, card),
      [`POST /v1/fine_tuning/models/${enc}/archive`]: () => json(403, { detail: 'Not yours.' }),
    });
    await user.click(await screen.findByRole('button', { name: 'Archive' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Archive' })).toBeEnabled());
    expect(screen.getByRole('status', { name: 'Model state' })).toHaveTextContent('Active');
  });

  it('deletes only once the typed id matches, then says the model is gone everywhere', async () => {
    const user = userEvent.setup();
    const { qc, fetch } = setup({
      [`GET /v1/models/${enc}`]: () => json(200, card),
      [`DELETE /v1/models/${enc}`]: () => json(200, { id: ID, object: 'model', deleted: true }),
      'GET /v1/models': () => json(200, { object: 'list', data: [] }),
    });
    await user.click(await screen.findByRole('button', { name: 'Delete…' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this model?' });
    const confirm = within(dialog).getByRole('button', { name: 'Delete model' });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox'), ID.slice(0, -1));
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox'), ID.slice(-1));
    await user.click(confirm);
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Model deleted');
    expect(screen.getByRole('link', { name: 'All models' })).toHaveAttribute('href', '/models');
    expect(jobPage().getByText('deleted')).toBeInTheDocument();
    expect(listed(qc)).toEqual([]);
    expect(fetch.mock.calls.filter(([, init]) => init?.method === 'DELETE')).toHaveLength(1);
  });

  it('keeps the model when the delete is refused, and says why in the dialog', async () => {
    const user = userEvent.setup();
    setup({
      [`GET /v1/models/${enc}`]: () => json(200, card),
      [`DELETE /v1/models/${enc}`]: () => json(403, { detail: 'Deleting is not allowed here.' }),
    });
    await user.click(await screen.findByRole('button', { name: 'Delete…' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this model?' });
    await user.type(within(dialog).getByRole('textbox'), `${ID}{Enter}`);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Deleting is not allowed here.');
    expect(screen.queryByText('Model deleted')).not.toBeInTheDocument();
  });

  it('says when there is no such model', async () => {
    setup({});
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Model not found');
  });
});
