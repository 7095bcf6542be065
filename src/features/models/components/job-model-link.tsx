import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { fineTunedModelQueries } from '../api/queries';
import { modelPagePath } from '../model-view';
import { ArchivedBadge } from './archived-badge';

/**
 * A job's model, linked to its page, and what has become of it since: read from the model page's
 * own cache entry, so a rename, an archive or a delete there shows here at once.
 */
export function JobModelLink({ modelId }: { modelId: string }) {
  const model = useQuery(fineTunedModelQueries.detail(modelId));
  if (model.data === null) {
    return (
      <>
        <code className="truncate font-mono text-xs text-zinc-500 line-through dark:text-zinc-400" title={modelId}>
          {modelId}
        </code>
        <span className="text-xs text-zinc-500 dark:text-zinc-400">deleted</span>
      </>
    );
  }
  const name = model.data?.name?.trim();
  return (
    <>
      <Link
        to={modelPagePath(modelId)}
        className="min-w-0 truncate font-mono text-xs text-orange-700 underline-offset-2 hover:underline dark:text-orange-400"
        title={modelId}
      >
        {modelId}
      </Link>
      {name && name !== modelId && <span className="truncate text-xs text-zinc-600 dark:text-zinc-400">{name}</span>}
      {model.data?.archived && <ArchivedBadge />}
    </>
  );
}
