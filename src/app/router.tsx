import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, redirect } from 'react-router';
import { jobQueries } from '../features/jobs/api/queries';
import { parseListSearch } from '../features/jobs/filters';
import { Layout } from './layout';
import { RouteError } from './route-error';

/**
 * Pages load lazily (the list page does not pay for the chart or the form). Loaders only start
 * the fetch through the query cache and never block: the page renders its skeleton meanwhile.
 */
export const createAppRouter = (qc: QueryClient) =>
  createBrowserRouter([
    {
      path: '/',
      Component: Layout,
      ErrorBoundary: RouteError,
      children: [
        { index: true, loader: ({ request }) => redirect(`/jobs${new URL(request.url).search}`) },
        {
          path: 'jobs',
          ErrorBoundary: RouteError,
          loader: ({ request }) => {
            void qc.prefetchQuery(jobQueries.list(parseListSearch(new URL(request.url).searchParams)));
            return null;
          },
          lazy: () => import('../features/jobs/routes/list-route'),
        },
        {
          path: 'jobs/new',
          ErrorBoundary: RouteError,
          lazy: () => import('../features/create-job/route'),
        },
        {
          path: 'jobs/:jobId',
          ErrorBoundary: RouteError,
          loader: ({ params }) => {
            if (params.jobId) void qc.prefetchQuery(jobQueries.detail(params.jobId));
            return null;
          },
          lazy: () => import('../features/jobs/routes/detail-route'),
        },
        { path: '*', lazy: () => import('./not-found') },
      ],
    },
  ]);
