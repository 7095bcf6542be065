/**
 * The list's Status, Model and Sort by controls, one Tab stop each: loaded with the list page,
 * beside its first API call, so the entry carries only their place (job-filters.tsx).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useRef, useState } from 'react';
import type { JobStatus } from '../../../../contract/jobs';
import { fieldClass, labelClass } from '../../../components/ui/field';
import { statusNames } from '../components/filter-chips';
import { SelectField } from '../../../components/ui/select-field';
import type { ListView, SortKey } from '../filters';
import { SORTS } from './sorts';
import StatusPanel from './status-panel';

/** "Any status", "Running", "Active", "Active, Succeeded": cut to the button's width, read out whole. */
const statusSummary = (statuses: readonly JobStatus[]) => statusNames(statuses).join(', ') || 'Any status';

/** One button, one tab stop, however many statuses it holds; the choices open beneath it. */
function StatusFilter({
  statuses,
  onChange,
}: {
  statuses: readonly JobStatus[];
  onChange: (statuses: JobStatus[]) => void;
}) {
  const labelId = useId();
  const valueId = useId();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const within = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  }, []);
  return (
    <div ref={within} className="relative">
      <span id={labelId} className={labelClass}>
        Status
      </span>
      <button
        ref={button}
        type="button"
        aria-labelledby={`${labelId} ${valueId}`}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen(!open)}
        className={`${fieldClass} flex items-center justify-between gap-1 text-left`}
      >
        <span id={valueId} className="truncate">
          {statusSummary(statuses)}
        </span>
        <span aria-hidden="true" className="text-zinc-500">
          ▾
        </span>
      </button>
      {open && <StatusPanel id={panelId} statuses={statuses} onChange={onChange} onClose={close} within={within} />}
    </div>
  );
}

/** The base models offered are gathered when the user reaches for the field (find/used-models.ts). */
function ModelFilter({ value, onChange }: { value?: string; onChange: (model: string) => void }) {
  const qc = useQueryClient();
  const [models, setModels] = useState<readonly string[]>([]);
  const offer = () => void import('./used-models').then((m) => m.offerUsedModels(qc, setModels));
  // A model from a link is offered even when none of the jobs seen used it.
  const options = value && !models.includes(value) ? [value, ...models] : models;
  return (
    <SelectField
      label="Model"
      value={value ?? ''}
      choices={[['', 'Any model'], ...options]}
      onFocus={offer}
      onPointerEnter={offer}
      onChange={onChange}
    />
  );
}

export interface FindControlsProps {
  view: ListView;
  onModel: (model: string) => void;
  /** A change of the statuses or the sort; the list goes back to its first page. */
  onView: (change: (view: ListView) => ListView) => void;
}

export default function FindControls({ view, onModel, onView }: FindControlsProps) {
  const onSort = (sort?: SortKey) => onView((v) => ({ ...v, sort }));
  return (
    <>
      <StatusFilter statuses={view.statuses} onChange={(statuses) => onView((v) => ({ ...v, statuses }))} />
      <ModelFilter value={view.query.model} onChange={onModel} />
      <SelectField
        label="Sort by"
        value={view.sort ?? ''}
        choices={SORTS}
        onChange={(value) => onSort(SORTS.find(([key]) => key === value)?.[0] || undefined)}
      />
    </>
  );
}
