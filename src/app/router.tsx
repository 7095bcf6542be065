import { usePrefetchQuery } from '@tanstack/react-query';
import { Component as ReactComponent, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useParams, useSearchParams } from 'react-router';
import { jobQueries } from '../features/jobs/api/queries';
import { Component as JobList } from '../features/jobs/routes/list-route';
import { listRequest, parseListSearch } from '../features/jobs/filters';
import { PageSkeleton } from '../components/page-skeleton';
import { Layout } from './layout';
import { RouteError } from './route-error';

/** A page whose code loads on its first visit (its module exports the page as `Component`). */
const lazyPage = (load: () => Promise<{ Component: ComponentType }>) =>
  lazy(() => load().then((m) => ({ default: m.Component })));

/** The lazy pages, by the name the routes draw them with. */
const Lazy = {
  CreateJob: lazyPage(() => import('../features/create-job/route')),
  JobDetail: lazyPage(() => import('../features/jobs/routes/detail-route')),
  Compare: lazyPage(() => import('../features/compare/route')),
  Models: lazyPage(() => import('../features/models/routes/list-route')),
  ModelDetail: lazyPage(() => import('../features/models/routes/detail-route')),
  NotFound: lazyPage(() => import('./not-found')),
};

/**
 * One failing page never blanks the app: the header stays, the page says what failed (its code
 * that would not load included). A new page starts without the last one's error.
 */
class PageErrorBoundary extends ReactComponent<{ children: ReactNode }, { error: unknown }> {
  override state = { error: undefined as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error('Unknown error') };
  }
  override render() {
    return this.state.error === undefined ? this.props.children : <RouteError error={this.state.error} />;
  }
}

/**
 * A page in the app's frame. Until a lazy page's code arrives on the first load, its skeleton;
 * on a later visit the page being left stays up meanwhile (the navigation is a transition, and
 * this boundary is already showing).
 */
function Page({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <Suspense fallback={<PageSkeleton />}>
      <PageErrorBoundary key={pathname}>{children}</PageErrorBoundary>
    </Suspense>
  );
}

const page = (content: ReactNode) => <Page>{content}</Page>;

/** The list starts its fetch as the route matches, before the page's first render is done. */
function JobsPage() {
  const [search] = useSearchParams();
  usePrefetchQuery(jobQueries.list(listRequest(parseListSearch(search))));
  return <JobList />;
}

/** The job's page starts its fetch as the route matches, before its code has arrived. */
function JobPage() {
  const { jobId = '' } = useParams();
  usePrefetchQuery(jobQueries.detail(jobId));
  return <Lazy.JobDetail />;
}

/** `/` is the job list, with whatever query it was given. */
function ToJobs() {
  const { search } = useLocation();
  return <Navigate to={{ pathname: '/jobs', search }} replace />;
}

/**
 * The job list, the home page, ships with the entry; the other pages load lazily (the list does
 * not pay for the chart or the form) — docs/decisions/0010-list-page-in-the-entry.md.
 */
export function AppRoutes() {
  // Around the frame too (the header, the router's own effects): what fails there still says so.
  return (
    <PageErrorBoundary>
      <Routes>
        <Route path="/" element={<Layout />}>
          <Route index element={<ToJobs />} />
          <Route path="jobs" element={page(<JobsPage />)} />
          <Route path="jobs/new" element={page(<Lazy.CreateJob />)} />
          <Route path="jobs/:jobId" element={page(<JobPage />)} />
          <Route path="compare" element={page(<Lazy.Compare />)} />
          <Route path="models" element={page(<Lazy.Models />)} />
          <Route path="models/:modelId" element={page(<Lazy.ModelDetail />)} />
          <Route path="*" element={page(<Lazy.NotFound />)} />
        </Route>
      </Routes>
    </PageErrorBoundary>
  );
}
