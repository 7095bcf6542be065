/** One way for page tests to draw: the given routes in a memory router, under the app's providers. */
import type { QueryClient } from '@tanstack/react-query';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { createQueryClient } from '../lib/query-client';

export interface RenderAppOptions {
  /** The URL the router starts at. */
  at: string;
  /** A client the test has seeded; a fresh one with the app's defaults otherwise. */
  queryClient?: QueryClient;
}

export function renderApp(routes: RouteObject[], { at, queryClient = createQueryClient() }: RenderAppOptions) {
  const router = createMemoryRouter(routes, { initialEntries: [at] });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { router, queryClient };
}
