import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { VIEW_NAME_MAX_LENGTH } from '../../../contract/notes';
import { Button } from '../../components/ui/button';
import { fieldClass, labelClass } from '../../components/ui/field';
import type { WriteResult } from '../notes/store';

interface NameDialogProps {
  title: string;
  children: ReactNode;
  initial: string;
  submitLabel: string;
  /** Saves the name; a refusal is shown in the dialog, which stays open with the name as typed. */
  onSubmit: (name: string) => WriteResult;
  onClose: () => void;
  /** More actions beside the buttons (Delete). */
  extra?: ReactNode;
}

/**
 * A modal asking for a view's name, on the native <dialog> as ConfirmDialog is; unlike it, the
 * focus starts in the name field, which is what the dialog is for. Mounted only while open.
 */
export function NameDialog({ title, children, initial, submitLabel, onSubmit, onClose, extra }: NameDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string>();
  const titleId = useId();
  const bodyId = useId();
  const inputId = useId();
  const errorId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    inputRef.current?.select();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <form
        className="p-5"
        onSubmit={(e) => {
          e.preventDefault();
          const result = onSubmit(name);
          if (!result.ok) setError(result.message);
        }}
      >
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <div id={bodyId} className="mt-2 space-y-2 text-sm text-zinc-700 dark:text-zinc-300">
          {children}
        </div>
        <label htmlFor={inputId} className={`${labelClass} mt-4`}>
          Name
        </label>
        <input
          ref={inputRef}
          id={inputId}
          value={name}
          maxLength={VIEW_NAME_MAX_LENGTH}
          required
          aria-invalid={error !== undefined || undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setError(undefined);
          }}
          className={fieldClass}
        />
        {error && (
          <p id={errorId} role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          {extra}
          {extra && <span className="flex-1" />}
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary">
            {submitLabel}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
