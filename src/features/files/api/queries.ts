import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
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

export function useUploadFile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => filesApi.uploadFile(file),
    onSuccess: () => qc.invalidateQueries({ queryKey: fileQueries.all() }),
  });
}
