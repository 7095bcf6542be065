// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lazy, Suspense, type ComponentType } from 'react';
import { Link, Route, Routes, useLocation } from 'react-router';
import { AppRouter, usePendingPath } from './app-router';

let releaseSlow: () => void = () => {};
const Slow = lazy(
  () =>
    new Promise<{ default: ComponentType }>(
      (resolve) => (releaseSlow = () => resolve({ default: () => <h1>slow page</h1> })),
    ),
);

function Shell() {
  const { pathname } = useLocation();
  const pending = usePendingPath();
  return (
    <>
      <p>at {pathname}</p>
      <p>going to {pending ?? 'nowhere'}</p>
      <Link to="/b">to b</Link>
      <Link to="/slow">to slow</Link>
      <Suspense fallback={<p>skeleton</p>}>
        <Routes>
          <Route path="/a" element={<h1>page a</h1>} />
          <Route path="/b" element={<h1>page b</h1>} />
          <Route path="/slow" element={<Slow />} />
        </Routes>
      </Suspense>
    </>
  );
}

let scrollTo: ReturnType<typeof vi.fn>;
beforeEach(() => {
  sessionStorage.clear();
  window.history.replaceState(null, '', '/a');
  scrollTo = vi.fn((_x: number, y: number) =>
    Object.defineProperty(window, 'scrollY', { value: y, configurable: true }),
  );
  vi.stubGlobal('scrollTo', scrollTo);
  Object.defineProperty(window, 'scrollY', { value: 0, configurable: true });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const renderApp = () =>
  render(
    <AppRouter>
      <Shell />
    </AppRouter>,
  );

/** The browser's Back, and the page it returns to drawn. */
async function backToPageA() {
  await act(async () => {
    window.history.back();
    await new Promise((r) => window.addEventListener('popstate', r, { once: true }));
  });
  expect(await screen.findByRole('heading', { name: 'page a' })).toBeInTheDocument();
}

describe('AppRouter', () => {
  it('starts a new page at the top and returns to where the page was left on Back', async () => {
    renderApp();
    Object.defineProperty(window, 'scrollY', { value: 640, configurable: true });
    act(() => screen.getByRole('link', { name: 'to b' }).click());
    expect(await screen.findByRole('heading', { name: 'page b' })).toBeInTheDocument();
    expect(scrollTo).toHaveBeenLastCalledWith(0, 0);

    await backToPageA();
    expect(scrollTo).toHaveBeenLastCalledWith(0, 640);
  });

  it('keeps the positions across a reload of the tab', async () => {
    const first = renderApp();
    Object.defineProperty(window, 'scrollY', { value: 320, configurable: true });
    act(() => screen.getByRole('link', { name: 'to b' }).click());
    expect(await screen.findByRole('heading', { name: 'page b' })).toBeInTheDocument();
    window.dispatchEvent(new Event('pagehide'));
    first.unmount();

    renderApp();
    await backToPageA();
    expect(scrollTo).toHaveBeenLastCalledWith(0, 320);
  });

  it('keeps the page being left, and says where the user is going, while the next one loads', async () => {
    renderApp();
    act(() => screen.getByRole('link', { name: 'to slow' }).click());
    expect(screen.getByRole('heading', { name: 'page a' })).toBeInTheDocument();
    expect(screen.getByText('going to /slow')).toBeInTheDocument();
    expect(screen.queryByText('skeleton')).not.toBeInTheDocument();

    act(() => releaseSlow());
    expect(await screen.findByRole('heading', { name: 'slow page' })).toBeInTheDocument();
    expect(screen.getByText('going to nowhere')).toBeInTheDocument();
    expect(screen.getByText('at /slow')).toBeInTheDocument();
  });
});
