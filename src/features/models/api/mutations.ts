import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { FineTunedModelCard, UpdateModelIn } from '../../../../contract/fine-tuned-models';
import { modelsApi } from './client';
import { fineTunedModelQueries } from './queries';

type CardChange = Partial<Pick<FineTunedModelCard, 'name' | 'description' | 'archived'>>;

/**
 * The server's answer into every cache that shows the model (its page, the list, a job's page
 * reads its page's entry), then the list refetched: others may have changed meanwhile.
 */
async function settleModel(qc: QueryClient, id: string, change: CardChange | 'deleted') {
  const detailKey = fineTunedModelQueries.detail(id).queryKey;
  if (change === 'deleted') {
    qc.setQueryData(detailKey, null);
    qc.setQueryData(fineTunedModelQueries.list().queryKey, (list) => list?.filter((m) => m.id !== id));
  } else {
    const known = qc.getQueryData(detailKey);
    if (known) qc.setQueryData(detailKey, { ...known, ...change });
    else void qc.invalidateQueries({ queryKey: detailKey });
    qc.setQueryData(fineTunedModelQueries.list().queryKey, (list) =>
      list?.map((m) => (m.id === id ? { ...m, ...change } : m)),
    );
  }
  await qc.invalidateQueries({ queryKey: fineTunedModelQueries.lists() });
}

/** What the page wants told after the call, even if the control that made it is gone by then. */
export interface ModelCallbacks<T> {
  onSuccess?: (result: T) => void;
  onError?: (error: Error) => void;
}

/** One call on a model: `call` asks the server, `change` turns its answer into what the caches take. */
interface ModelCall<TVariables, TResult> {
  call: (variables: TVariables) => Promise<TResult>;
  change: (result: TResult) => CardChange | 'deleted';
}

function useModelMutation<TVariables = void, TResult = void>(
  id: string,
  action: string,
  callbacks: ModelCallbacks<TResult>,
  { call, change }: ModelCall<TVariables, TResult>,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: [...fineTunedModelQueries.all(), action, id],
    mutationFn: call,
    onSuccess: (result) => {
      callbacks.onSuccess?.(result);
      return settleModel(qc, id, change(result));
    },
    onError: (e) => callbacks.onError?.(e),
  });
}

export function useUpdateModel(id: string, callbacks: ModelCallbacks<CardChange> = {}) {
  return useModelMutation(id, 'update', callbacks, {
    call: async (patch: UpdateModelIn) => {
      const out = await modelsApi.update(id, patch);
      return { name: out.name, description: out.description, archived: out.archived } satisfies CardChange;
    },
    change: (change) => change,
  });
}

export function useSetArchived(id: string, callbacks: ModelCallbacks<boolean> = {}) {
  return useModelMutation(id, 'archive', callbacks, {
    call: async (archived: boolean) => {
      const out = await modelsApi.setArchived(id, archived);
      // The answer says where the model is now; anything else is not what was asked for.
      if (out.archived !== archived) throw new Error(`The API left the model ${out.archived ? 'archived' : 'active'}.`);
      return out.archived;
    },
    change: (archived) => ({ archived }),
  });
}

export function useDeleteModel(id: string, callbacks: ModelCallbacks<void> = {}) {
  return useModelMutation(id, 'delete', callbacks, {
    call: async () => {
      const out = await modelsApi.delete(id);
      if (!out.deleted) throw new Error('The API answered without deleting the model.');
    },
    change: () => 'deleted',
  });
}
