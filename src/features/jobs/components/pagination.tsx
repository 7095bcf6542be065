import { useId } from 'react';
import { Button } from '../../../components/ui/button';
import { Options } from '../../../components/ui/options';
import { PAGE_SIZES } from '../filters';
import { pageRange } from '../pagination';

interface PaginationProps {
  /** The page and its size, as the list's URL holds them. */
  paging: { page: number; page_size: number };
  shown: number;
  total: number;
  /** The URL's setters, as the list's search hook returns them (useListSearch, useModelSearch). */
  setters: { setPage: (page: number) => void; setPageSize: (size: number) => void };
}

const nf = new Intl.NumberFormat();

export function Pagination({ paging, shown, total, setters: { setPage, setPageSize } }: PaginationProps) {
  const { page, page_size: pageSize } = paging;
  const sizeId = useId();
  const r = pageRange(page, pageSize, shown, total);
  const sizes: readonly number[] = PAGE_SIZES.includes(pageSize as never)
    ? PAGE_SIZES
    : [...PAGE_SIZES, pageSize].sort((a, b) => a - b);
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-zinc-600 tabular-nums dark:text-zinc-400" aria-live="polite">
        {shown === 0 ? `0 of ${nf.format(total)}` : `${nf.format(r.from)}–${nf.format(r.to)} of ${nf.format(total)}`}
      </p>
      <div className="flex items-center gap-3">
        <label htmlFor={sizeId} className="flex items-center gap-2 text-zinc-600 dark:text-zinc-400">
          Rows per page
          <select
            id={sizeId}
            value={pageSize}
            onChange={(e) => setPageSize(Number(e.target.value))}
            className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
          >
            <Options choices={sizes} />
          </select>
        </label>
        <div className="flex gap-1">
          <Button onClick={() => setPage(page - 1)} disabled={!r.hasPrevious} aria-label="Previous page">
            <span aria-hidden="true">←</span> Prev
          </Button>
          <Button onClick={() => setPage(page + 1)} disabled={!r.hasNext} aria-label="Next page">
            Next <span aria-hidden="true">→</span>
          </Button>
        </div>
      </div>
    </nav>
  );
}
