// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CopyButton } from './copy-button';
import Toaster from './toaster';

function setup(writeText: (text: string) => Promise<void>) {
  vi.stubGlobal('isSecureContext', true);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  render(
    <>
      <CopyButton value="job-1" label="Copy job ID" />
      <Toaster />
    </>,
  );
  const button = screen.getByRole('button', { name: 'Copy job ID' });
  return {
    button,
    said: within(button).getByRole('status'),
    toasts: within(screen.getByRole('region', { name: 'Notifications' })),
    click: () => act(() => Promise.resolve(void fireEvent.click(button))),
  };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('copy button', () => {
  it('says Copied on the button, not as a toast, and forgets it after a moment', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const writeText = vi.fn(() => Promise.resolve());
    const { said, toasts, click } = setup(writeText);
    await click();
    expect(writeText).toHaveBeenCalledWith('job-1');
    expect(said).toHaveTextContent('Copied');
    expect(toasts.queryByRole('status')).not.toBeInTheDocument();
    act(() => void vi.advanceTimersByTime(1499));
    expect(said).toHaveTextContent('Copied');
    act(() => void vi.advanceTimersByTime(1));
    expect(said).toBeEmptyDOMElement();
  });

  it('says in a toast when the browser refuses the copy', async () => {
    const { said, toasts, click } = setup(() => Promise.reject(new DOMException('Denied', 'NotAllowedError')));
    await click();
    expect(toasts.getByRole('alert')).toHaveTextContent('Could not copy to the clipboard.');
    expect(said).toBeEmptyDOMElement();
  });
});
