/** Said in words and shape, not only colour. */
export function ArchivedBadge({ className = '' }: { className?: string }) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200 ${className}`}
    >
      <span aria-hidden="true">▣</span> Archived
    </span>
  );
}
