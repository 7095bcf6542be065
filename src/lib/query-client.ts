import { QueryClient } from '@tanstack/react-query';

/**
 * One policy for every query. The API client already retries what is worth retrying (its own
 * backoff, honouring Retry-After), so queries do not stack a second layer of retries on top.
 */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 10_000, gcTime: 5 * 60_000, retry: false, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
