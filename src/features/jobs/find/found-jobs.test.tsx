// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '../../../../contract/jobs';
import { createQueryClient } from '../../../lib/query-client';
import { Component as ListPage } from '../routes/list-route';

const job = (i: number, status: string, suffix: string): Job => ({
  id: `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`,
  auto_start: true,
  model: 'open-mistral-7b',
  status,
  job_type: 'completion',
  created_at: 1_700_000_000 - i,
  modified_at: 1_700_000_000 - i,
  training_files: [],
  hyperparameters: {},
  suffix,
});

/** 230 jobs, newest first: three hold "support", one on each page of 100. */
const ALL = Array.from({ length: 230 }, (_, i) =>
  job(
    i,
    i % 7 === 0 ? 'RUNNING' : i % 7 === 1 ? 'QUEUED' : 'SUCCESS',
    [5, 150, 229].includes(i) ? `Support-${i}` : `other-${i}`,
  ),
);

/** The API's list endpoint over ALL: its own filters (status only), paged. `hold` keeps a page unanswered. */
function setup(search: string, hold?: number) {
  const fetch = vi.fn((url: string, init?: RequestInit) => {
    const q = new URL(url, 'http://x').searchParams;
    const [page, size] = [Number(q.get('page') ?? 0), Number(q.get('page_size') ?? 100)];
    if (page === hold) {
      return new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    }
    const status = q.get('status');
    const data = ALL.filter((j) => !status || j.status === status);
    const body = { object: 'list', total: data.length, data: data.slice(page * size, (page + 1) * size) };
    return Promise.resolve(new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }));
  });
  vi.stubGlobal('fetch', fetch);
  const router = createMemoryRouter([{ path: '/jobs', Component: ListPage }], { initialEntries: [`/jobs${search}`] });
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  const asked = () =>
    fetch.mock.calls.map(([url]) => Object.fromEntries(new URL(url, 'http://x').searchParams.entries()));
  return { router, fetch, asked };
}

/** The lazy chunk loads and the pages are read on a shared, busy machine: more than findBy's second. */
const SLOW = { timeout: 10_000 };

const rows = () =>
  within(screen.getByRole('table', { name: 'Fine-tuning jobs' }))
    .getAllByRole('row')
    .slice(1);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('finding jobs over every page', { timeout: 30_000 }, () => {
  it('a search reads every page in the background and shows what it found in all of them', async () => {
    const { asked } = setup('?q=support');
    expect(await screen.findByText('Searched 230 of 230 jobs: 3 match.', undefined, SLOW)).toBeInTheDocument();
    expect(rows().map((r) => within(r).getByRole('link').textContent)).toEqual([
      'Support-5',
      'Support-150',
      'Support-229',
    ]);
    // The API is asked for its pages of 100, with no parameter of its own for the search.
    expect(asked().map((q) => [q.page, q.page_size, q.q])).toEqual([
      ['0', '100', undefined],
      ['1', '100', undefined],
      ['2', '100', undefined],
    ]);
    expect(screen.getByRole('navigation', { name: 'Pagination' })).toHaveTextContent('1–3 of 3');
    expect(screen.getByRole('button', { name: 'Export the 3 found as CSV' })).toBeEnabled();
  });

  it('several statuses, or the Active group, are found the same way; one goes to the API', async () => {
    const { asked } = setup('?status=active&page_size=10');
    expect(await screen.findByText(/Searched 230 of 230 jobs: 66 match\./, undefined, SLOW)).toBeInTheDocument();
    expect(rows()).toHaveLength(10);
    expect(rows().every((r) => /Running|Queued/.test(r.textContent ?? ''))).toBe(true);
    expect(asked().every((q) => q.status === undefined)).toBe(true);
    expect(screen.getByRole('navigation', { name: 'Pagination' })).toHaveTextContent('1–10 of 66');
    cleanup();

    const single = setup('?q=support&status=RUNNING');
    // Only the API's RUNNING jobs are read: one page.
    expect(await screen.findByText('Searched 33 of 33 jobs: 0 match.', undefined, SLOW)).toBeInTheDocument();
    expect(single.asked()).toEqual([expect.objectContaining({ status: 'RUNNING', page: '0', page_size: '100' })]);
    expect(screen.getByRole('heading', { name: 'No jobs match these filters' })).toBeInTheDocument();
  });

  it('sorts what it found, and says over what', async () => {
    setup('?q=support&sort=-job');
    expect(
      await screen.findByText(/3 match\. Sorted “Job, Z to A” over all of them\./, undefined, SLOW),
    ).toBeInTheDocument();
    expect(rows().map((r) => within(r).getByRole('link').textContent)).toEqual([
      'Support-229',
      'Support-150',
      'Support-5',
    ]);
  });

  it('a sort alone sorts the page the API sent, and says that it is this page only', async () => {
    const { asked } = setup('?sort=job&page_size=10');
    expect(
      await screen.findByText(/within the 10 jobs of this page, not across all 230/, undefined, SLOW),
    ).toBeInTheDocument();
    const names = rows().map((r) => within(r).getByRole('link').textContent);
    expect(names).toEqual(
      ALL.slice(0, 10)
        .map((j) => j.suffix!)
        .sort(new Intl.Collator(undefined, { numeric: true }).compare),
    );
    expect(asked()).toEqual([expect.objectContaining({ page: '0', page_size: '10' })]);
  });

  it('shows how far it has read, and stops reading when the search is cleared', async () => {
    const user = userEvent.setup();
    const { fetch, router } = setup('?q=support', 1);
    expect(await screen.findByText('Searched 100 of 230 jobs… 1 matches so far.', undefined, SLOW)).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Jobs searched' })).toHaveAttribute('value', '100');
    const reading = fetch.mock.calls.at(-1)![1]!.signal!;
    expect(reading.aborted).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Remove filter Search: support' }));
    expect(router.state.location.search).toBe('');
    await vi.waitFor(() => expect(reading.aborted).toBe(true));
    // The list is back to the API's own page.
    expect(await screen.findByText('1–20 of 230', undefined, SLOW)).toBeInTheDocument();
  });
});
