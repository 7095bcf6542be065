/** The job and model lists' rows: a table row on wide screens, a card on phones. */

// Below the sm breakpoint each row is a card; the cell's label comes from data-label.
export const cell = 'px-3 py-2.5 align-middle max-sm:block max-sm:p-0';
export const labelled = `${cell} max-sm:before:block max-sm:before:text-[11px] max-sm:before:font-medium max-sm:before:uppercase max-sm:before:tracking-wide max-sm:before:text-zinc-500 max-sm:dark:before:text-zinc-400 max-sm:before:content-[attr(data-label)]`;
/**
 * The row is a containing block for its title link's ::after, which covers the whole row: a click
 * or a middle-click anywhere on it is a click on a real link, and the row is one tab stop.
 */
export const rowClass =
  'relative border-t border-zinc-200 hover:bg-zinc-50 has-[a:focus-visible]:bg-orange-50/60 dark:border-zinc-800 dark:hover:bg-zinc-900 dark:has-[a:focus-visible]:bg-orange-950/30 max-sm:grid max-sm:grid-cols-2 max-sm:gap-x-3 max-sm:gap-y-2 max-sm:rounded-lg max-sm:border max-sm:bg-white max-sm:p-3 max-sm:dark:bg-zinc-900';
export const stretchedLink =
  "font-medium [overflow-wrap:anywhere] text-zinc-900 hover:underline focus-visible:outline-none dark:text-zinc-100 after:absolute after:inset-0 after:content-[''] focus-visible:after:rounded-[inherit] focus-visible:after:ring-2 focus-visible:after:ring-orange-500 focus-visible:after:ring-inset";
