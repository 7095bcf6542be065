/**
 * `GET /v1/models`: Mistral's base models and the user's fine-tuned ones in one list. The create
 * form offers the base models it can fine-tune; the models pages keep the user's own. A file of
 * its own so the form loads it without the fine-tuned models' schemas.
 */
import { queryOptions } from '@tanstack/react-query';
import { fineTunableModels, modelListSchema } from '../../../../contract/models';
import { api } from '../../../lib/api-client';

export const modelListApi = {
  list: (signal?: AbortSignal) => api.call('/models', modelListSchema, { signal, retry: true }),
};

export const modelQueries = {
  all: () => ['models'] as const,
  fineTunable: () =>
    queryOptions({
      queryKey: [...modelQueries.all(), 'fine-tunable'] as const,
      queryFn: async ({ signal }) => fineTunableModels(await modelListApi.list(signal)),
      staleTime: 5 * 60_000,
    }),
};
