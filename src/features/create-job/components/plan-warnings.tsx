import type { EstimateWarning } from '../estimate';

/** A plan's warnings, one sentence each: the form's as the user types, the cost review's before Start. */
export function PlanWarnings({ warnings, className }: { warnings: readonly EstimateWarning[]; className: string }) {
  if (warnings.length === 0) return null;
  return (
    <ul className={`space-y-1 ${className}`}>
      {warnings.map((w) => (
        <li key={w.kind}>
          <span aria-hidden="true">⚠ </span>
          {w.sentence}
        </li>
      ))}
    </ul>
  );
}
