import { queryOptions } from '@tanstack/react-query';
import { modelsApi } from './client';

/** Apart from the create form's `modelQueries.fineTunable()` (model-list.ts): that one is base models only. */
export const fineTunedModelQueries = {
  all: () => ['models', 'fine-tuned'] as const,
  lists: () => [...fineTunedModelQueries.all(), 'list'] as const,
  /** Every fine-tuned model at once: the API neither filters nor pages them. */
  list: () =>
    queryOptions({
      queryKey: fineTunedModelQueries.lists(),
      queryFn: ({ signal }) => modelsApi.list(signal),
    }),
  details: () => [...fineTunedModelQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...fineTunedModelQueries.details(), id] as const,
      queryFn: ({ signal }) => modelsApi.get(id, signal),
    }),
};
