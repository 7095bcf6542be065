import { useId, useState } from 'react';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { fieldClass } from '../../../components/ui/field';

interface DeleteModelDialogProps {
  open: boolean;
  modelId: string;
  pending: boolean;
  /** The server's refusal, shown in the dialog so the user can read it and try again. */
  error?: string | undefined;
  onConfirm: () => void;
  onClose: () => void;
}

/** A delete cannot be undone, so the user types the id of what goes: a misclick deletes nothing. */
export function DeleteModelDialog({ open, modelId, pending, error, onConfirm, onClose }: DeleteModelDialogProps) {
  const inputId = useId();
  const [typed, setTyped] = useState('');
  const matches = typed.trim() === modelId;
  const close = () => {
    setTyped('');
    onClose();
  };
  return (
    <ConfirmDialog
      open={open}
      title="Delete this model?"
      confirmLabel={pending ? 'Deleting…' : 'Delete model'}
      confirmVariant="danger"
      cancelLabel="Keep model"
      pending={pending}
      confirmDisabled={!matches}
      onConfirm={() => {
        if (matches) onConfirm();
      }}
      onClose={close}
    >
      <p>
        The model is deleted for good: it can no longer be used, and it cannot be brought back. The job that made it
        stays.
      </p>
      <label htmlFor={inputId} className="block font-medium text-zinc-900 dark:text-zinc-100">
        Type the model ID to confirm:{' '}
        <code className="font-mono text-xs font-normal break-all select-all">{modelId}</code>
      </label>
      <input
        id={inputId}
        type="text"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && matches && !pending) {
            e.preventDefault();
            onConfirm();
          }
        }}
        autoComplete="off"
        spellCheck={false}
        disabled={pending}
        className={`${fieldClass} font-mono`}
      />
      {error && (
        <p role="alert" className="text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </ConfirmDialog>
  );
}
