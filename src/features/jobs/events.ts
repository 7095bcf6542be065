import type { JobEvent } from '../../../contract/jobs';

export type EventOrder = 'newest' | 'oldest';

/**
 * The API has listed events both oldest-first and newest-first over time, so the page orders
 * them itself. Events within the same second keep the order the API gave, read in the direction
 * the API's list runs (so QUEUED stays before VALIDATING even when both share a timestamp).
 */
export function sortEvents(events: readonly JobEvent[], order: EventOrder = 'newest'): JobEvent[] {
  const apiNewestFirst =
    events.some((e, i) => i > 0 && e.created_at < events[i - 1]!.created_at) &&
    !events.some((e, i) => i > 0 && e.created_at > events[i - 1]!.created_at);
  const chronological = events
    .map((event, index) => ({ event, rank: apiNewestFirst ? -index : index }))
    .sort((a, b) => a.event.created_at - b.event.created_at || a.rank - b.rank)
    .map(({ event }) => event);
  return order === 'oldest' ? chronological : chronological.reverse();
}

/** The status a status-updated event moved the job to, when it says. */
export function eventStatus(event: JobEvent): string | undefined {
  const status = event.data?.status;
  return typeof status === 'string' ? status : undefined;
}

/** Every other data field as text, e.g. the `error` a failed validation carries. */
export function eventDetails(event: JobEvent): [string, string][] {
  return Object.entries(event.data ?? {})
    .filter(([key, value]) => !(key === 'status' && typeof value === 'string') && value != null && value !== '')
    .map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]);
}

/** "status-updated" → "Status updated". */
export const eventLabel = (name: string) => {
  const words = name.replace(/[-_.]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};
