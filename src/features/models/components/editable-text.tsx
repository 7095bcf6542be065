import { useId, useRef, useState, type ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { describeError, validationItems } from '../../../lib/api-error';
import { fieldClass } from '../../../components/ui/field';

/** The server's words for this field: its own 422 item when it sent one, else the whole error. */
function fieldError(e: unknown, field: string) {
  const item = validationItems(e).find((d) => d.loc.includes(field));
  return item ? item.msg : describeError(e);
}

export interface EditableTextProps {
  /** The API's field name, to find its 422 item. */
  field: string;
  label: string;
  value: string | null | undefined;
  /** What the page shows while there is no value. */
  empty: ReactNode;
  multiline?: boolean;
  /** Resolves once the server has taken the value; an empty text is sent as `null` (cleared). */
  save: (value: string | null) => Promise<unknown>;
  /** How the value is shown when not being edited. */
  children?: ReactNode;
}

/** A value edited where it is shown: Save (or Enter) sends it, Esc or Cancel leaves it as it was. */
export function EditableText({ field, label, value, empty, multiline, save, children }: EditableTextProps) {
  const inputId = useId();
  const errorId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const editing = draft !== null;

  const close = () => {
    setDraft(null);
    setError(undefined);
    // The focus goes back where the user started, not to the top of the page.
    requestAnimationFrame(() => editButton.current?.focus());
  };
  const submit = async () => {
    if (draft === null || pending) return;
    const next = draft.trim() || null;
    if (next === (value?.trim() || null)) return close();
    setPending(true);
    setError(undefined);
    try {
      await save(next);
      close();
    } catch (e) {
      setError(fieldError(e, field));
    } finally {
      setPending(false);
    }
  };

  if (!editing) {
    return (
      <div className="flex min-w-0 items-start gap-2">
        <div className="min-w-0 flex-1 [overflow-wrap:anywhere]">{value?.trim() ? (children ?? value) : empty}</div>
        <Button
          ref={editButton}
          variant="ghost"
          className="shrink-0 px-2 py-1 text-xs"
          onClick={() => setDraft(value ?? '')}
          aria-label={`Edit ${label.toLowerCase()}`}
        >
          Edit
        </Button>
      </div>
    );
  }

  const common = {
    id: inputId,
    value: draft,
    disabled: pending,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        close();
      } else if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void submit();
      }
    },
    className: `${fieldClass} ${error ? 'border-red-600 dark:border-red-500' : ''}`,
  };
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={inputId} className="sr-only">
        {label}
      </label>
      {multiline ? <textarea rows={3} autoFocus {...common} /> : <input type="text" autoFocus {...common} />}
      {error && (
        <p id={errorId} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={pending} aria-busy={pending || undefined}>
          {pending ? 'Saving…' : 'Save'}
        </Button>
        <Button onClick={close} disabled={pending}>
          Cancel
        </Button>
        {multiline && <span className="self-center text-xs text-zinc-500 dark:text-zinc-400">Ctrl+Enter saves</span>}
      </div>
    </form>
  );
}
