import { useQuery } from '@tanstack/react-query';
import { backendInfoSchema } from '../../contract/backend';

const LABELS = { emulator: 'Local emulator', mistral: 'Mistral API', custom: 'Custom API' } as const;

/** Which backend sits behind `/v1`, as the dashboard's own server reports it. */
export function BackendBadge() {
  const { data } = useQuery({
    queryKey: ['backend'],
    queryFn: async ({ signal }) =>
      backendInfoSchema.parse(await (await fetch('/_dashboard/backend', { signal })).json()),
    staleTime: Infinity,
  });
  if (!data) return null;
  const live = data.kind === 'mistral';
  return (
    <span
      title={`API: ${data.target}`}
      className={`inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-xs font-medium ${
        live
          ? 'border-orange-500/50 bg-orange-50 text-orange-800 dark:bg-orange-950 dark:text-orange-200'
          : 'border-zinc-300 bg-zinc-100 text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300'
      }`}
    >
      <span aria-hidden="true" className={`size-1.5 rounded-full ${live ? 'bg-orange-500' : 'bg-zinc-500'}`} />
      <span className="sr-only">Backend: </span>
      {LABELS[data.kind]}
    </span>
  );
}
