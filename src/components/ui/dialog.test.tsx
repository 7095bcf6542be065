// @vitest-environment jsdom
import { useState } from 'react';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from './dialog';

function Harness({ onConfirm }: { onConfirm: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button onClick={() => setOpen(true)}>Open</button>
      <ConfirmDialog
        open={open}
        title="Start training?"
        confirmLabel="Start job"
        onConfirm={onConfirm}
        onClose={() => setOpen(false)}
      >
        Starting will charge €3.28.
      </ConfirmDialog>
    </>
  );
}

afterEach(cleanup);

describe('ConfirmDialog', () => {
  it('names its buttons after the action, starts on the safe one and gives focus back', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    render(<Harness onConfirm={onConfirm} />);
    const opener = screen.getByRole('button', { name: 'Open' });
    await user.click(opener);

    const dialog = screen.getByRole('dialog', { name: 'Start training?' });
    expect(dialog).toHaveAccessibleDescription('Starting will charge €3.28.');
    expect(screen.getByRole('button', { name: 'Keep' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Keep' }));
    expect(screen.queryByRole('button', { name: 'Start job' })).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
    expect(onConfirm).not.toHaveBeenCalled();

    await user.click(opener);
    await user.click(screen.getByRole('button', { name: 'Start job' }));
    expect(onConfirm).toHaveBeenCalledOnce();
  });

  it('closes on Esc', async () => {
    const user = userEvent.setup();
    render(<Harness onConfirm={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await user.keyboard('{Escape}');
    await vi.waitFor(() => expect(screen.queryByRole('button', { name: 'Start job' })).not.toBeInTheDocument());
  });
});
