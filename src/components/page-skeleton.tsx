/**
 * A page's shape while its data (or, on the first visit, its code) is on the way: the router draws
 * it inside the header and nav as soon as the entry runs, so a lazy page shows the app at once
 * instead of a blank shell until its chunks arrive (docs/decisions/0016-pages-draw-before-their-code.md).
 */
export function PageSkeleton() {
  return (
    <div aria-hidden="true" className="space-y-4 motion-safe:animate-pulse">
      <div className="h-4 w-20 rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-8 w-2/3 max-w-md rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-6 w-24 rounded-full bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-28 rounded-lg bg-zinc-100 dark:bg-zinc-900" />
      <div className="h-72 rounded-lg bg-zinc-100 dark:bg-zinc-900" />
    </div>
  );
}
