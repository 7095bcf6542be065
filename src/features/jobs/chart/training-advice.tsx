import { Button } from '../../../components/ui/button';
import type { Verdict, VerdictKind } from '../advisor';
import { formatInt } from '../format';
import { describeSteps } from './advice';

/** Each finding's tone; the sentence names the finding, so colour is never the only cue. */
const TONE: Record<VerdictKind, { icon: string; className: string }> = {
  best: {
    icon: '★',
    className:
      'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100',
  },
  overfitting: {
    icon: '⚠',
    className:
      'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100',
  },
  plateau: {
    icon: '→',
    className: 'border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-800 dark:bg-sky-950/50 dark:text-sky-100',
  },
  divergence: {
    icon: '⚠',
    className: 'border-red-300 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100',
  },
};

interface Props {
  verdicts: readonly Verdict[];
  /** Opens the create form prefilled from this job with `steps`; without it, no clone button. */
  onClone?: (steps: number) => void;
}

/** The advisor's findings, one plain sentence each, with the checkpoints they rest on. */
export function TrainingAdvice({ verdicts, onClone }: Props) {
  if (verdicts.length === 0) return null;
  return (
    <ul aria-label="Training advice" className="mb-3 space-y-2">
      {verdicts.map((v) => {
        const tone = TONE[v.kind];
        return (
          <li
            key={v.kind}
            className={`flex flex-wrap items-center justify-between gap-x-3 gap-y-2 rounded-md border px-3 py-2 text-sm ${tone.className}`}
          >
            <div className="min-w-0">
              <p>
                <span aria-hidden="true" className="mr-1.5">
                  {tone.icon}
                </span>
                {v.sentence}
              </p>
              {/* The best verdict's sentence already names its one checkpoint. */}
              {v.kind !== 'best' && <p className="mt-0.5 text-xs opacity-80">Based on {describeSteps(v.steps)}.</p>}
            </div>
            {v.kind === 'overfitting' && onClone && (
              <Button className="shrink-0 py-1 text-xs" onClick={() => onClone(v.suggestedSteps)}>
                Clone with {formatInt(v.suggestedSteps)} steps
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
