/**
 * The Status filter's choices, opened under its button: any number of statuses, and the Active
 * group (every status that moves by itself) as one box. Loaded on first opening.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { JOB_STATUSES, MOVING_STATUSES, type JobStatus } from '../../../../contract/jobs';
import { STATUS_INFO } from '../../../components/status-badge';
import { ACTIVE_STATUSES } from '../filters';

export interface StatusPanelProps {
  id: string;
  statuses: readonly JobStatus[];
  onChange: (statuses: JobStatus[]) => void;
  /** `refocus`: put the focus back on the button (Escape), rather than where the user went. */
  onClose: (refocus: boolean) => void;
  /** The filter's own box, button included: a click there is not a click away. */
  within: RefObject<HTMLElement | null>;
}

const OTHERS = JOB_STATUSES.filter((s) => !MOVING_STATUSES.has(s));
const box = 'size-4 accent-orange-600';
const row = 'flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-800';

export default function StatusPanel({ id, statuses: inUrl, onChange, onClose, within }: StatusPanelProps) {
  // The boxes as clicked, until the URL that holds them commits: React puts a controlled box back
  // as it was at the end of the click, and on a busy machine it showed unticked for a moment, so a
  // second click seemed needed and undid the first (as the rows' ticks, use-list-search.ts).
  const [clicked, setClicked] = useState<{ on: readonly JobStatus[]; statuses: JobStatus[] } | null>(null);
  const statuses = clicked?.on === inUrl ? clicked.statuses : inUrl;
  const change = (next: JobStatus[]) => {
    setClicked({ on: inUrl, statuses: next });
    onChange(next);
  };
  const active = ACTIVE_STATUSES.filter((s) => statuses.includes(s)).length;
  const group = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (group.current) group.current.indeterminate = active > 0 && active < ACTIVE_STATUSES.length;
  }, [active]);
  useEffect(() => {
    const away = (e: Event) => {
      if (e.target instanceof Node && !within.current?.contains(e.target)) onClose(false);
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('focusin', away);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('focusin', away);
    };
  }, [within, onClose]);

  const toggle = (these: readonly JobStatus[], on: boolean) =>
    change(JOB_STATUSES.filter((s) => (these.includes(s) ? on : statuses.includes(s))));
  const choice = (s: JobStatus) => (
    <label key={s} className={row}>
      <input
        type="checkbox"
        className={box}
        checked={statuses.includes(s)}
        onChange={(e) => toggle([s], e.target.checked)}
      />
      {STATUS_INFO[s].label}
    </label>
  );
  return (
    <div
      id={id}
      role="group"
      aria-label="Statuses"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onClose(true);
      }}
      className="absolute top-full left-0 z-20 mt-1 w-56 rounded-md border border-zinc-300 bg-white p-1.5 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
    >
      <label className={`${row} font-medium`}>
        <input
          ref={group}
          type="checkbox"
          className={box}
          checked={active === ACTIVE_STATUSES.length}
          onChange={(e) => toggle(ACTIVE_STATUSES, e.target.checked)}
        />
        Active <span className="font-normal text-zinc-500 dark:text-zinc-400">(moves by itself)</span>
      </label>
      <div className="pl-5">{ACTIVE_STATUSES.map(choice)}</div>
      <div className="mt-1 border-t border-zinc-200 pt-2 dark:border-zinc-800">{OTHERS.map(choice)}</div>
      <button
        type="button"
        onClick={() => change([])}
        className="mt-1 w-full rounded px-1.5 py-1 text-left font-medium text-orange-700 hover:bg-zinc-100 dark:text-orange-400 dark:hover:bg-zinc-800"
      >
        Any status
      </button>
    </div>
  );
}
