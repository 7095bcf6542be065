import { useId } from 'react';
import { useDraft } from '../hooks/use-draft';

export const fieldClass =
  'mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm shadow-xs dark:border-zinc-700 dark:bg-zinc-900 dark:[color-scheme:dark]';
export const labelClass = 'block text-xs font-medium text-zinc-600 dark:text-zinc-400';

interface FieldProps {
  label: string;
  value: string;
  onApply: (value: string) => void;
  type?: 'text' | 'search' | 'datetime-local';
  placeholder?: string;
}

/** Text and date filters apply after a pause or on Enter/blur, so typing does not fire a request per key. */
export function DraftField({ label, value, onApply, type = 'text', placeholder }: FieldProps) {
  const id = useId();
  const { draft, setDraft, flush } = useDraft(value, onApply);
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        id={id}
        type={type}
        value={draft}
        placeholder={placeholder}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={flush}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            flush();
          }
        }}
        className={fieldClass}
      />
    </div>
  );
}
