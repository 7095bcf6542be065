// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Checkpoint } from '../../../../contract/jobs';
import { makeDetailedJob } from '../../../test/jobs';
import { renderApp } from '../../../test/render-app';
import { readDraft } from '../../create-job/draft';
import { MetricsPanel } from '../components/metrics-panel';
import type { MetricsChartProps } from '../components/metrics-chart';
import { CHART_SETTINGS_KEY, DEFAULT_CHART_SETTINGS } from './settings';

// jsdom cannot draw uPlot: the lazy chart is replaced by its props, which is what the panel owns.
vi.mock('../components/metrics-chart', () => ({
  default: (p: MetricsChartProps) => (
    <div data-testid="chart">
      {JSON.stringify({
        smoothing: p.smoothing,
        logScale: p.logScale,
        xAxis: p.xAxis,
        hidden: p.hidden,
        marks: p.marks,
      })}
    </div>
  ),
}));

/** A run whose validation loss bottoms out at step 60 and rises while train loss keeps falling. */
const VALID = [2, 1.6, 1.3, 1.1, 1.0, 0.95, 1.0, 1.06, 1.12, 1.2, 1.28, 1.36];
const overfitting: Checkpoint[] = VALID.map((v, i) => ({
  step_number: (i + 1) * 10,
  created_at: 1_700_000_000 + i * 60,
  metrics: { train_loss: 2 - i * 0.15, valid_loss: v, valid_mean_token_accuracy: 0.5 + i * 0.02 },
})).reverse();

function Create() {
  const state: unknown = useLocation().state;
  return <p>Create form {JSON.stringify(state)}</p>;
}

function setup(job = makeDetailedJob({ checkpoints: overfitting })) {
  renderApp(
    [
      { path: '/jobs/:id', element: <MetricsPanel checkpoints={job.checkpoints} active={false} job={job} /> },
      { path: '/jobs/new', Component: Create },
    ],
    { at: `/jobs/${job.id}` },
  );
  return { job, user: userEvent.setup() };
}
const chartProps = async () => JSON.parse((await screen.findByTestId('chart')).textContent) as Record<string, unknown>;

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('metrics panel', () => {
  it('shows the advisor’s verdicts above the chart, with the checkpoints behind them', async () => {
    setup();
    const advice = screen.getByRole('list', { name: 'Training advice' });
    const items = within(advice).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(/^.?Overfitting since step 60: validation loss rose/);
    expect(items[0]).toHaveTextContent('Based on 7 checkpoints, steps 60 to 120.');
    expect(items[1]).toHaveTextContent('Best at step 60: validation loss 0.95.');
    expect(await chartProps()).toMatchObject({
      marks: { best: { step: 60, loss: 'valid' }, span: { from: 60, to: 120, label: 'Overfitting' } },
    });
  });

  it('clones an overfitting job with the suggested steps into the create form', async () => {
    const { job, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Clone with 60 steps' }));
    expect(await screen.findByText(/Create form/)).toHaveTextContent(
      JSON.stringify({ clonedFrom: job.id, replacedDraft: false }),
    );
    expect(readDraft()?.hyperparameters.training_steps).toBe('60');
  });

  it('offers no clone without the job, and no tokens axis without its tokens per step', async () => {
    const job = makeDetailedJob({ checkpoints: overfitting, metadata: null });
    renderApp([{ path: '/', element: <MetricsPanel checkpoints={job.checkpoints} active={false} /> }], { at: '/' });
    await screen.findByTestId('chart');
    expect(screen.queryByRole('button', { name: /Clone with/ })).not.toBeInTheDocument();
    const axis = screen.getByRole('combobox', { name: 'X axis' });
    expect(
      within(axis)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Step', 'Time']);
  });

  it('keeps smoothing, log scale and x axis in the browser', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('checkbox', { name: 'Log scale (loss)' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'X axis' }), 'Tokens seen');
    // jsdom has no range input behaviour to drive with keys: set the value as the browser would.
    fireEvent.change(screen.getByRole('slider', { name: 'Smoothing' }), { target: { value: '0' } });
    expect(await chartProps()).toMatchObject({ logScale: true, xAxis: 'tokens', smoothing: 0 });
    expect(JSON.parse(localStorage.getItem(CHART_SETTINGS_KEY)!)).toMatchObject({
      logScale: true,
      xAxis: 'tokens',
      smoothing: 0,
    });

    cleanup();
    setup();
    expect(screen.getByRole('checkbox', { name: 'Log scale (loss)' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'X axis' })).toHaveValue('tokens');
    expect(screen.getByRole('slider', { name: 'Smoothing' })).toHaveValue('0');
  });

  it('opens whatever is stored', async () => {
    localStorage.setItem(CHART_SETTINGS_KEY, '{"smoothing":"much","logScale":true,"hidden":{"x":1}');
    setup();
    expect(await chartProps()).toMatchObject(DEFAULT_CHART_SETTINGS);
    localStorage.setItem(CHART_SETTINGS_KEY, '{"smoothing":"much","logScale":true,"hidden":["acc",7]}');
    cleanup();
    setup();
    expect(await chartProps()).toMatchObject({ ...DEFAULT_CHART_SETTINGS, logScale: true, hidden: ['acc'] });
  });

  it('shows the same data as a table sorted by any column, the best row marked in words', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Show as table' }));
    const table = screen.getByRole('table');
    const firstCells = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getAllByRole('rowheader')[0]!.textContent);
    expect(within(table).getAllByRole('row')).toHaveLength(VALID.length + 1);
    expect(within(table).getByRole('columnheader', { name: 'Step' })).toHaveAttribute('aria-sort', 'descending');
    expect(firstCells()[0]).toBe('120');
    expect(within(table).getByRole('row', { name: /Best 60/ })).toHaveTextContent('0.9500');

    await user.click(within(table).getByRole('button', { name: 'Valid loss' }));
    const valid = within(table).getByRole('columnheader', { name: 'Valid loss' });
    expect(valid).toHaveAttribute('aria-sort', 'ascending');
    expect(within(table).getByRole('columnheader', { name: 'Step' })).not.toHaveAttribute('aria-sort');
    expect(firstCells().slice(0, 3)).toEqual(['Best 60', '50', '70']);

    await user.click(within(table).getByRole('button', { name: 'Valid loss' }));
    expect(valid).toHaveAttribute('aria-sort', 'descending');
    expect(firstCells()[0]).toBe('10');
  });
});
