/** Class names of a text input, select or textarea and of its label, so every form reads alike. */
export const fieldClass =
  'mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm shadow-xs dark:border-zinc-700 dark:bg-zinc-900 dark:[color-scheme:dark]';
export const labelClass = 'block text-xs font-medium text-zinc-600 dark:text-zinc-400';
