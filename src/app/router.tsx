import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, redirect, type RouteObject } from 'react-router';
import { jobQueries } from '../features/jobs/api/queries';
import { Component as JobList } from '../features/jobs/routes/list-route';
import { listRequest, parseListSearch } from '../features/jobs/filters';
import { Layout } from './layout';
import { RouteError } from './route-error';
import { PageSkeleton } from '../components/page-skeleton';

/** A page whose code loads on its first visit: its skeleton meanwhile, and its own error boundary. */
const lazyPage = (path: string, lazy: RouteObject['lazy'], loader?: RouteObject['loader']): RouteObject => ({
  path,
  ErrorBoundary: RouteError,
  ...(loader && { loader }),
  HydrateFallback: PageSkeleton,
  lazy,
});

/**
 * The job list, the home page, ships with the entry; the other pages load lazily (the list does
 * not pay for the chart or the form) — docs/decisions/0010-list-page-in-the-entry.md — and draw a
 * skeleton in the app's frame until their code arrives (HydrateFallback, first load only). Loaders
 * only start the fetch through the query cache and never block: the page renders its skeleton
 * meanwhile.
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
            void qc.prefetchQuery(jobQueries.list(listRequest(parseListSearch(new URL(request.url).searchParams))));
            return null;
          },
          Component: JobList,
        },
        lazyPage('jobs/new', () => import('../features/create-job/route')),
        lazyPage(
          'jobs/:jobId',
          () => import('../features/jobs/routes/detail-route'),
          ({ params }) => {
            if (params.jobId) void qc.prefetchQuery(jobQueries.detail(params.jobId));
            return null;
          },
        ),
        lazyPage('compare', () => import('../features/compare/route')),
        lazyPage('models', () => import('../features/models/routes/list-route')),
        lazyPage('models/:modelId', () => import('../features/models/routes/detail-route')),
        { path: '*', HydrateFallback: PageSkeleton, lazy: () => import('./not-found') },
      ],
    },
  ]);
