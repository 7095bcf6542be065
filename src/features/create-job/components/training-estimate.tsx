import { useQuery } from '@tanstack/react-query';
import { fileQueries } from '../../files/api/queries';
import { estimateTraining, learningRateWarning } from '../estimate';
import { PlanWarnings } from './plan-warnings';
import { parseNumber } from '../form-state';
import { useForm } from './form-context';

const tokens = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

const num = (text: string) => {
  const n = parseNumber(text);
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

/**
 * What the chosen files and steps amount to, while the user types: "30 steps ≈ 1,489 epochs of
 * your 40-line file", and a warning where a setting would waste the run. From the files API's
 * sizes and line counts; the server's own plan comes with validation.
 */
export function TrainingEstimate() {
  const { values } = useForm();
  const files = useQuery(fileQueries.list());
  const chosen = new Set(values.training_files.map((f) => f.file_id.trim()).filter(Boolean));
  const stats = (files.data?.data ?? []).filter((f) => chosen.has(f.id));
  const hp = values.hyperparameters;
  const estimate = estimateTraining({
    files: stats,
    hyperparameters: {
      training_steps: num(hp.training_steps),
      epochs: num(hp.epochs),
      learning_rate: num(hp.learning_rate),
      seq_len: num(hp.seq_len),
    },
  });
  // Before any file is chosen a learning rate can still be far off.
  const lr = learningRateWarning(num(hp.learning_rate));
  const warnings = estimate?.warnings ?? (lr ? [lr] : []);
  return (
    // A live region that is always there, so each new estimate is read out as the user types.
    <div aria-live="polite" className="min-h-5 text-sm">
      {estimate && (
        <p className="text-zinc-700 dark:text-zinc-300">
          <span className="font-medium">Estimate:</span> {estimate.summary}, {tokens.format(estimate.trainTokens)}{' '}
          tokens{estimate.seqLenAssumed ? ' at the usual sequence length' : ''}.
        </p>
      )}
      <PlanWarnings warnings={warnings} className="mt-1 text-amber-800 dark:text-amber-300" />
    </div>
  );
}
