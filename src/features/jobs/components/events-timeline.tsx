import { useState } from 'react';
import type { JobEvent } from '../../../../contract/jobs';
import { formatExact, toDate } from '../../../components/relative-time';
import { StatusBadge } from '../../../components/status-badge';
import { eventDetails, eventLabel, eventStatus, sortEvents, type EventOrder } from '../events';
import { Section } from './section';

export function EventsTimeline({ events }: { events: readonly JobEvent[] }) {
  const [order, setOrder] = useState<EventOrder>('newest');
  const sorted = sortEvents(events, order);
  const toggle =
    events.length > 1 ? (
      <button
        type="button"
        onClick={() => setOrder(order === 'newest' ? 'oldest' : 'newest')}
        className="text-xs font-medium text-orange-700 hover:underline dark:text-orange-400"
      >
        {order === 'newest' ? 'Newest first' : 'Oldest first'}
        <span aria-hidden="true"> ⇅</span>
        <span className="sr-only">, change order</span>
      </button>
    ) : undefined;
  return (
    <Section title="Events" actions={toggle}>
      {sorted.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No events yet.</p>
      ) : (
        <ol className="relative space-y-3 border-l border-zinc-200 pl-4 dark:border-zinc-800">
          {sorted.map((event, i) => {
            const status = eventStatus(event);
            const details = eventDetails(event);
            return (
              <li key={`${event.created_at}-${i}`} className="relative">
                <span
                  aria-hidden="true"
                  className="absolute top-1.5 -left-[21px] size-2.5 rounded-full border-2 border-white bg-zinc-400 dark:border-zinc-950 dark:bg-zinc-500"
                />
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  {status ? (
                    <StatusBadge status={status} />
                  ) : (
                    <span className="font-medium">{eventLabel(event.name)}</span>
                  )}
                  {/* Exact times: in a timeline the gaps between events are the point. */}
                  <time
                    dateTime={toDate(event.created_at).toISOString()}
                    className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400"
                  >
                    {formatExact(event.created_at)}
                  </time>
                </div>
                {details.length > 0 && (
                  <dl className="mt-1 space-y-0.5 text-sm">
                    {details.map(([k, v]) => (
                      <div
                        key={k}
                        className={
                          k === 'error' ? 'text-red-700 dark:text-red-400' : 'text-zinc-700 dark:text-zinc-300'
                        }
                      >
                        <dt className="inline font-medium">{k}: </dt>
                        <dd className="inline break-words whitespace-pre-wrap">{v}</dd>
                      </div>
                    ))}
                  </dl>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}
