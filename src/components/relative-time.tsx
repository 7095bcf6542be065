import { useId, useSyncExternalStore } from 'react';

/** Numbers are Unix seconds, as the API sends them. */
export type TimeValue = number | Date;

export const toDate = (value: TimeValue) => (value instanceof Date ? value : new Date(value * 1000));

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const exactFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** "3 minutes ago", "in 2 hours", "just now". */
export function formatRelative(value: TimeValue, now: number = Date.now()): string {
  const seconds = Math.round((toDate(value).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  for (const [unit, size] of UNITS) {
    if (abs >= size) return rtf.format(Math.round(seconds / size), unit);
  }
  return rtf.format(Math.round(seconds / 60), 'minute');
}

export const formatExact = (value: TimeValue) => exactFormat.format(toDate(value));

// One clock for every timestamp on the page, ticking twice a minute.
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
function subscribe(listener: () => void) {
  if (listeners.size === 0) now = Date.now();
  listeners.add(listener);
  timer ??= setInterval(() => {
    now = Date.now();
    listeners.forEach((l) => l());
  }, 30_000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
/** Date.now() of the page's one clock, which moves twice a minute: for anything that reads "… ago" or "… left". */
export const useNow = () =>
  useSyncExternalStore(
    subscribe,
    () => now,
    () => now,
  );

export interface RelativeTimeProps {
  value: TimeValue;
  className?: string;
}

/**
 * A relative time whose exact time shows on hover and on keyboard focus (a `title` never appears
 * for keyboard users), and is announced as its description.
 */
export function RelativeTime({ value, className = '' }: RelativeTimeProps) {
  const current = useNow();
  const id = useId();
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return <span className={className}>—</span>;
  const exact = formatExact(date);
  return (
    <span className={`group relative inline-block ${className}`}>
      <time
        dateTime={date.toISOString()}
        tabIndex={0}
        aria-describedby={id}
        className="rounded-sm underline decoration-zinc-400/60 decoration-dotted underline-offset-2"
      >
        {formatRelative(date, current)}
      </time>
      <span
        id={id}
        role="tooltip"
        className="pointer-events-none invisible absolute bottom-full left-0 z-20 mb-1 whitespace-nowrap rounded bg-zinc-900 px-2 py-1 text-xs text-white opacity-0 shadow group-hover:visible group-hover:opacity-100 group-focus-within:visible group-focus-within:opacity-100 dark:bg-zinc-100 dark:text-zinc-900"
      >
        {exact}
      </span>
    </span>
  );
}
