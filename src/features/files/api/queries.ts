import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { fineTunableModels } from '../../../../contract/models';
import { filesApi } from './client';

export const fileQueries = {
  all: () => ['files'] as const,
  list: () =>
    queryOptions({
      queryKey: [...fileQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => filesApi.listFiles(signal),
      staleTime: 60_000,
    }),
};

export const modelQueries = {
  all: () => ['models'] as const,
  fineTunable: () =>
    queryOptions({
      queryKey: [...modelQueries.all(), 'fine-tunable'] as const,
      queryFn: async ({ signal }) => fineTunableModels(await filesApi.listModels(signal)),
      staleTime: 5 * 60_000,
    }),
};

export function useUploadFile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => filesApi.uploadFile(file),
    onSuccess: () => qc.invalidateQueries({ queryKey: fileQueries.all() }),
  });
}
