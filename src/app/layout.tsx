import { lazy, Suspense, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useMatch } from 'react-router';
import { usePendingPath } from './app-router';
import { BackendBadge } from './backend-badge';
import { ConnectionBanner } from './connection-banner';
import { hadWatchedJobs } from '../features/watch/storage-key';
import { useTheme } from './theme';

// Focus follows navigations from the second page on; the first is the browser's to focus.
const FocusOnNavigate = lazy(() => import('./focus-heading'));
// Watching loads after the page draws: most visits watch nothing, and none needs it to see a page.
const WatchRoot = lazy(() => import('../features/watch/watch-root'));

const navClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap sm:px-3 ${
    isActive
      ? 'bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900'
      : 'text-zinc-700 hover:bg-zinc-200 dark:text-zinc-300 dark:hover:bg-zinc-800'
  }`;

export function Layout() {
  const { dark, toggle } = useTheme();
  // Its place is kept from the first frame when something was watched, so nothing moves when it loads.
  const [watching] = useState(hadWatchedJobs);
  const pendingPath = usePendingPath();
  const location = useLocation();
  // "Jobs" stays lit on a job's page, but not on the form, which has its own entry.
  const onNewJob = useMatch('/jobs/new') !== null;
  const onJobs = useMatch('/jobs/*') !== null && !onNewJob;
  // While another page loads, the one being left takes no input: keys typed right after a click
  // belong to the page that is coming, not to a field that is about to disappear.
  const leaving = pendingPath !== null && pendingPath !== location.pathname;
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
        {/* One row down to 320 px: on phones the brand is its icon and the badge its short label.
            index.html draws the same row before the script runs; keep the two alike. */}
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-x-2 px-3 min-[360px]:gap-x-3 min-[360px]:px-4 sm:gap-x-4">
          <NavLink to="/jobs" className="flex shrink-0 items-center gap-2 font-semibold tracking-tight" end>
            <img src="/favicon.svg" alt="" width="24" height="24" className="size-6" />
            <span className="max-sm:sr-only">Fine-tuning</span>
          </NavLink>
          <nav aria-label="Main" className="flex items-center gap-1">
            <Link to="/jobs" aria-current={onJobs ? 'page' : undefined} className={navClass({ isActive: onJobs })}>
              Jobs
            </Link>
            {/* Off the phone header, where four entries would not fit in one row: the job list
                there has its own New job button right below. */}
            <NavLink to="/jobs/new" className={(state) => `${navClass(state)} max-sm:hidden`}>
              New job
            </NavLink>
            <NavLink to="/models" className={navClass}>
              Models
            </NavLink>
          </nav>
          <div className="ml-auto flex shrink-0 items-center gap-2">
            <span className={watching ? 'min-w-9' : undefined}>
              <Suspense fallback={null}>
                <WatchRoot />
              </Suspense>
            </span>
            <BackendBadge />
            <button
              type="button"
              onClick={toggle}
              aria-pressed={dark}
              className="rounded-md p-1.5 text-zinc-700 hover:bg-zinc-200 dark:text-zinc-300 dark:hover:bg-zinc-800"
            >
              <span aria-hidden="true">{dark ? '☾' : '☀'}</span>
              <span className="sr-only">Dark mode</span>
            </button>
          </div>
        </div>
        {leaving && <div aria-hidden="true" className="h-0.5 animate-pulse bg-orange-500" />}
        <ConnectionBanner />
      </header>
      <main id="main" inert={leaving} className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        <Outlet />
      </main>
      <Suspense fallback={null}>
        <FocusOnNavigate />
      </Suspense>
    </div>
  );
}
