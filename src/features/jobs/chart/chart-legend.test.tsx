// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it, vi } from 'vitest';
import { ChartLegend, type LegendItem } from './chart-legend';

afterEach(cleanup);

const items: LegendItem[] = [
  { key: 'train', label: 'Train loss', color: '#ea580c', value: '0.4321', shown: true },
  { key: 'valid', label: 'Valid loss', color: '#2563eb', dash: [6, 4], value: '0.5000', shown: false },
];

it('toggles each line from the keyboard and offers a way back from a zoom', async () => {
  const user = userEvent.setup();
  const onToggle = vi.fn();
  const onResetZoom = vi.fn();
  const { rerender } = render(
    <ChartLegend at="Step 40" items={items} onToggle={onToggle} zoomed={false} onResetZoom={onResetZoom} />,
  );
  expect(screen.getByRole('button', { name: 'Train loss' })).toHaveAttribute('aria-pressed', 'true');
  expect(screen.getByRole('button', { name: 'Valid loss' })).toHaveAttribute('aria-pressed', 'false');
  expect(screen.queryByRole('button', { name: 'Reset zoom' })).not.toBeInTheDocument();

  await user.tab();
  expect(screen.getByRole('button', { name: 'Train loss' })).toHaveFocus();
  await user.keyboard('{Enter}');
  await user.tab();
  await user.keyboard(' ');
  expect(onToggle.mock.calls).toEqual([['train'], ['valid']]);

  rerender(<ChartLegend at="Step 40" items={items} onToggle={onToggle} zoomed onResetZoom={onResetZoom} />);
  await user.click(screen.getByRole('button', { name: 'Reset zoom' }));
  expect(onResetZoom).toHaveBeenCalledOnce();
});
