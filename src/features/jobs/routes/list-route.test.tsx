// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../../test/fetch';
import { makeJob } from '../../../test/jobs';
import { renderApp } from '../../../test/render-app';
import { Component as ListPage } from './list-route';

const job = (id: string, status: string, suffix: string) => makeJob({ id, status, suffix });

function setup(
  search: string,
  total = 2,
  data: unknown[] = [job('aaaaaaaa-1', 'SUCCESS', 'first'), job('bbbbbbbb-2', 'FAILED', 'second')],
) {
  const fetch = vi.fn((_url: string) => Promise.resolve(jsonResponse(200, { object: 'list', total, data })));
  vi.stubGlobal('fetch', fetch);
  const { router } = renderApp(
    [
      { path: '/jobs', Component: ListPage },
      { path: '/jobs/:jobId', Component: () => <h1>Detail</h1> },
    ],
    { at: `/jobs${search}` },
  );
  const lastQuery = () => new URL(fetch.mock.lastCall![0], 'http://x').searchParams;
  return { router, fetch, lastQuery };
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('job list page', () => {
  it('restores filters and page from the URL and shows the range', async () => {
    const { lastQuery } = setup('?status=FAILED&page=3&page_size=10&model=x', 213);
    expect(await screen.findByRole('link', { name: 'first' })).toBeInTheDocument();
    // The status, model and sort controls and the chips load with the page, beside its first call.
    expect(await screen.findByRole('button', { name: 'Status Failed' })).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByLabelText('Model')).toHaveValue('x');
    expect(lastQuery().get('page')).toBe('2');
    expect(screen.getByText('21–22 of 213')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Remove filter Status: Failed' })).toBeInTheDocument();
  });

  it('resets the page when a filter changes, and Clear all removes every filter', async () => {
    const user = userEvent.setup();
    const { router } = setup('?page=3&created_by_me=true', 100);
    await screen.findByRole('link', { name: 'first' });
    await user.click(await screen.findByRole('button', { name: 'Status Any status' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Running' }));
    expect(router.state.location.search).toBe('?status=RUNNING&created_by_me=true');
    // The rest of the Active group: one param for all of it, filtered in the browser.
    await user.click(screen.getByRole('checkbox', { name: 'Active (moves by itself)' }));
    expect(router.state.location.search).toBe('?status=active&created_by_me=true');
    expect(screen.getByRole('button', { name: 'Status Active' })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Clear all' }));
    expect(router.state.location.search).toBe('');
  });

  it('applies a text filter after typing pauses, not per keystroke', async () => {
    const user = userEvent.setup();
    const { router, fetch, lastQuery } = setup('');
    await screen.findByRole('link', { name: 'first' });
    const calls = fetch.mock.calls.length;
    await user.click(screen.getByRole('button', { name: /More filters/ }));
    await user.type(await screen.findByLabelText('Suffix'), 'intent');
    expect(router.state.location.search).toBe('');
    // Written once the debounce has passed, with no fixed sleep to outlast it.
    await vi.waitFor(() => expect(router.state.location.search).toBe('?suffix=intent'));
    await vi.waitFor(() => expect(fetch.mock.calls.length).toBe(calls + 1));
    expect(lastQuery().get('suffix')).toBe('intent');
  });

  it('makes each row one link to its job, the only thing in the row to tab to', async () => {
    const user = userEvent.setup();
    const { router } = setup('');
    const link = await screen.findByRole('link', { name: 'second' });
    expect(link).toHaveAttribute('href', '/jobs/bbbbbbbb-2');
    const row = link.closest('tr')!;
    expect(within(row).getByText('Failed')).toBeInTheDocument();
    expect(row).not.toHaveAttribute('tabindex');
    // The row's checkbox is ticked by a click or by `x` on the row (below), not a second tab stop.
    const tabbable = [
      ...row.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]'),
    ].filter((el) => el.tabIndex >= 0);
    expect(tabbable).toEqual([...row.querySelectorAll('a')]);
    expect(row.querySelectorAll('a')).toHaveLength(1);
    link.focus();
    await user.keyboard('{Enter}');
    expect(router.state.location.pathname).toBe('/jobs/bbbbbbbb-2');
  });

  it('ticks rows for a comparison by click or by x on the row, kept in the URL across filters', async () => {
    const user = userEvent.setup();
    const { router } = setup('');
    const first = await screen.findByRole('link', { name: 'second' });
    await user.click(screen.getByRole('checkbox', { name: 'Select second' }));
    expect(router.state.location.search).toContain('select=bbbbbbbb-2');
    expect(await screen.findByRole('region', { name: 'Selected jobs' })).toHaveTextContent('1 selected: pick one more');
    const other = screen.getAllByRole('link').find((a) => a.closest('tr') && a !== first)!;
    other.focus();
    await user.keyboard('x');
    const compare = screen.getByRole('link', { name: 'Compare 2 jobs' });
    expect(compare.getAttribute('href')).toMatch(/^\/compare\?ids=bbbbbbbb-2,/);
    await user.keyboard('x');
    expect(screen.queryByRole('link', { name: 'Compare 2 jobs' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect(router.state.location.search).not.toContain('select=');
  });

  it('shows a job that breaks the contract in its place, naming the field, beside the valid jobs', async () => {
    const { created_at: _, ...broken } = job('cccccccc-3', 'RUNNING', 'broken');
    setup('', 3, [job('aaaaaaaa-1', 'SUCCESS', 'first'), broken, job('bbbbbbbb-2', 'FAILED', 'second')]);
    expect(await screen.findByRole('link', { name: 'first' })).toBeInTheDocument();
    expect(screen.queryByText('Could not load jobs')).not.toBeInTheDocument();
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByText('created_at')).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent('Field required');
    expect(within(rows[1]!).getByRole('link')).toHaveAttribute('href', '/jobs/cccccccc-3');
    expect(within(rows[2]!).getByRole('link', { name: 'second' })).toBeInTheDocument();
    expect(screen.getByText('1–3 of 3')).toBeInTheDocument();
  });

  it('folds the date and W&B filters behind "More filters", open when one is set', async () => {
    setup('');
    await screen.findByRole('link', { name: 'first' });
    const more = screen.getByRole('button', { name: /More filters/ });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    // Not even loaded until first opened.
    expect(screen.queryByLabelText('Created after')).not.toBeInTheDocument();
    cleanup();

    setup('?created_after=2026-01-01T00:00:00.000Z');
    await screen.findByRole('link', { name: 'first' });
    expect(screen.getByRole('button', { name: 'More filters (1)' })).toHaveAttribute('aria-expanded', 'true');
    expect(await screen.findByLabelText('Created after')).toBeVisible();
  });

  it('keeps what was typed in a folded filter when it is closed and opened again', async () => {
    const user = userEvent.setup();
    const { router } = setup('');
    await screen.findByRole('link', { name: 'first' });
    const more = screen.getByRole('button', { name: /More filters/ });
    await user.click(more);
    await user.type(await screen.findByLabelText('W&B project'), 'support');
    await user.click(more);
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await user.click(more);
    expect(screen.getByLabelText('W&B project')).toHaveValue('support');
    await vi.waitFor(() => expect(router.state.location.search).toBe('?wandb_project=support'));
  });
});
