import { Link } from 'react-router';
import { buttonClass } from '../../../components/ui/button';
import { COMPARE_MAX, COMPARE_MIN, comparePath } from '../../compare/compare-ids';

/** What the ticked rows are for: a comparison of 2 to COMPARE_MAX jobs. */
export default function SelectionBar({ ids, onClear }: { ids: readonly string[]; onClear: () => void }) {
  const enough = ids.length >= COMPARE_MIN;
  return (
    <div
      role="region"
      aria-label="Selected jobs"
      className="flex flex-wrap items-center gap-3 rounded-lg border border-orange-200 bg-orange-50 px-3 py-2 text-sm dark:border-orange-900 dark:bg-orange-950/30"
    >
      <span aria-live="polite">
        {ids.length} selected
        {ids.length >= COMPARE_MAX ? ` (at most ${COMPARE_MAX})` : enough ? '' : `: pick one more to compare`}
      </span>
      {enough && (
        <Link to={comparePath(ids)} className={buttonClass('primary', 'py-1')}>
          Compare {ids.length} jobs
        </Link>
      )}
      <button type="button" onClick={onClear} className="font-medium underline">
        Clear selection
      </button>
    </div>
  );
}
