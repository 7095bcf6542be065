import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../lib/api-error';
import { useJobsApi } from '../lib/jobs-api';
import { backendQuery } from '../lib/backend';
import type { BackendInfo, BackendKind } from '../../contract/backend';

/** The full name, and the word a phone's header has room for. */
const LABELS: Record<BackendKind, { full: string; short: string }> = {
  emulator: { full: 'Local emulator', short: 'Emulator' },
  mistral: { full: 'Mistral API', short: 'Mistral' },
  custom: { full: 'Custom API', short: 'Custom' },
};

const pill = 'inline-flex h-[22px] items-center gap-1.5 rounded-full border px-2.5 text-xs font-medium';

/**
 * Which backend sits behind `/v1`, as the dashboard's own server reports it. Until it answers, a
 * blank pill holds the place (index.html's shell draws the same), so nothing moves when it arrives.
 */
export function BackendBadge() {
  const { data, isError } = useQuery(backendQuery);
  // A slot at least as wide as the longest label: the header's right side keeps its width and
  // place whether the badge is pending, shown or absent.
  return (
    <span className="flex min-w-[86px] justify-end sm:min-w-[128px]">{isError ? null : <Badge info={data} />}</span>
  );
}

function Badge({ info }: { info: BackendInfo | undefined }) {
  // Said here too: every page but the models' is affected.
  const retired = useJobsApi() instanceof ApiError;
  if (!info) {
    return (
      <span
        aria-hidden="true"
        className={`${pill} w-[86px] border-zinc-200 bg-zinc-100 sm:w-[124px] dark:border-zinc-800 dark:bg-zinc-900`}
      />
    );
  }
  const live = info.kind === 'mistral';
  const label = LABELS[info.kind];
  return (
    <span
      title={
        retired
          ? 'Its jobs routes answer 410 Gone: fine-tuning jobs are retired. Your fine-tuned models still work.'
          : `API: ${info.target}`
      }
      className={`${pill} ${
        retired
          ? 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100'
          : live
            ? 'border-orange-500/50 bg-orange-50 text-orange-800 dark:bg-orange-950 dark:text-orange-200'
            : 'border-zinc-300 bg-zinc-100 text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300'
      }`}
    >
      <span aria-hidden="true" className={`size-1.5 rounded-full ${live ? 'bg-orange-500' : 'bg-zinc-500'}`} />
      <span className="sr-only">Backend: </span>
      <span className="sm:hidden">{retired ? 'Jobs retired' : label.short}</span>
      <span className="max-sm:hidden">
        {label.full}
        {retired && ' · Jobs API retired'}
      </span>
    </span>
  );
}
