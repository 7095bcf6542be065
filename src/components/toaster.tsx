import { useSyncExternalStore } from 'react';
import { currentToasts, dismiss, subscribe, type Tone } from './toast';

const TONES: Record<Tone, string> = {
  success: 'border-emerald-600/40 bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100',
  error: 'border-red-600/40 bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100',
  info: 'border-zinc-400/40 bg-white text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100',
};

/** Loaded after the first page draws (main.tsx); a toast pushed before waits in the store. */
export default function Toaster() {
  const list = useSyncExternalStore(subscribe, currentToasts);
  return (
    <section
      aria-label="Notifications"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4 sm:items-end"
    >
      {list.map((t) => (
        <div
          key={t.id}
          role={t.tone === 'error' ? 'alert' : 'status'}
          className={`pointer-events-auto flex max-w-md items-start gap-3 rounded-lg border px-4 py-3 text-sm shadow-lg ${TONES[t.tone]}`}
        >
          <span className="flex-1">{t.text}</span>
          <button
            type="button"
            onClick={() => dismiss(t.id)}
            className="text-xs underline opacity-70 hover:opacity-100"
            aria-label="Dismiss notification"
          >
            Close
          </button>
        </div>
      ))}
    </section>
  );
}
