import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button, type ButtonVariant } from './button';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** Body text or content; it is the dialog's accessible description. */
  children?: ReactNode;
  /**
   * Name of the confirm button: the action itself ("Start job"), never "OK". Left out once there is
   * nothing left to confirm (the dialog shows what the action did): only the dismiss button stays.
   */
  confirmLabel?: string;
  /** Name of the button that closes without acting. */
  cancelLabel?: string;
  confirmVariant?: ButtonVariant;
  /** While true the confirm button shows progress and both buttons are disabled. */
  pending?: boolean;
  /** The confirm button waits for something the dialog asks of the user (a typed name). */
  confirmDisabled?: boolean;
  onConfirm: () => void;
  /** Called on the dismiss button, Esc and a click on the backdrop. */
  onClose: () => void;
}

/**
 * A modal confirmation on the native <dialog>: showModal() gives the focus trap, inert page and
 * Esc for free. Focus starts on the dismiss button (the safe choice for paid or destructive
 * actions) and goes back to whatever opened the dialog.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel = 'Keep',
  confirmVariant = 'primary',
  pending = false,
  confirmDisabled = false,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
      else {
        // The action took its button away (Start, once the job is queued): focus goes to the top
        // of the page it changed rather than to the document's body.
        const heading = document.querySelector<HTMLElement>('main h1');
        if (heading) {
          heading.tabIndex = -1;
          heading.focus({ preventScroll: true });
        }
      }
    };
  }, [open]);
  // The confirm button goes once the action is done; focus stays in the dialog, on what is left.
  useEffect(() => {
    if (open && !confirmLabel) cancelRef.current?.focus();
  }, [open, confirmLabel]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={open && children ? bodyId : undefined}
      onCancel={(e) => {
        // Esc: let React state close it so `open` stays the single source of truth.
        e.preventDefault();
        if (!pending) onClose();
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget && !pending) onClose();
      }}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      {open && (
        <div className="p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          {children && (
            <div id={bodyId} className="mt-2 space-y-2 text-sm text-zinc-700 dark:text-zinc-300">
              {children}
            </div>
          )}
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            <Button ref={cancelRef} onClick={onClose} disabled={pending}>
              {cancelLabel}
            </Button>
            {confirmLabel && (
              <Button
                variant={confirmVariant}
                onClick={onConfirm}
                disabled={pending || confirmDisabled}
                aria-busy={pending || undefined}
              >
                {confirmLabel}
              </Button>
            )}
          </div>
        </div>
      )}
    </dialog>
  );
}
