import { lazy, StrictMode, startTransition, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from './app/query';
import { AppRouter } from './app/app-router';
import { AppRoutes } from './app/router';
import './index.css';

const Toaster = lazy(() => import('./components/toaster'));

const root = createRoot(document.getElementById('root')!);
// The first render as a transition: React draws it in slices that leave the main thread free in
// between, instead of one task that a phone's CPU takes a few hundred milliseconds to run.
startTransition(() =>
  root.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <AppRouter>
          <AppRoutes />
        </AppRouter>
      </QueryClientProvider>
    </StrictMode>,
  ),
);
// Toasts live outside #root, so #root stays empty, and index.html's shell shown, until a page draws.
createRoot(document.getElementById('toasts')!).render(
  <StrictMode>
    <Suspense fallback={null}>
      <Toaster />
    </Suspense>
  </StrictMode>,
);
