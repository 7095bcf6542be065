import { useId, type ReactNode } from 'react';

/**
 * A titled card; the heading names the region for screen-reader navigation. `flush` leaves the
 * body unpadded, for a table that runs to the card's edges.
 */
export function Section({
  title,
  children,
  actions,
  flush = false,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  flush?: boolean;
}) {
  const id = useId();
  return (
    <section
      aria-labelledby={id}
      className={`rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950 ${flush ? '' : 'p-4'}`}
    >
      <div className={`flex flex-wrap items-center justify-between gap-2 ${flush ? 'p-4 pb-2' : 'mb-3'}`}>
        <h2 id={id} className="text-base font-semibold">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** A section's quiet line: "None.", or what stands in for a value not there yet. */
export const mutedText = 'text-sm text-zinc-500 dark:text-zinc-400';

/** Label/value pairs; rows without a value are left out rather than shown as blanks. */
export function Facts({ rows, empty = 'Nothing set.' }: { rows: [string, ReactNode][]; empty?: string }) {
  const shown = rows.filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (shown.length === 0) return <p className={mutedText}>{empty}</p>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
      {shown.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-zinc-600 dark:text-zinc-400">{k}</dt>
          <dd className="min-w-0 break-words tabular-nums">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
