import type { DetailedJob } from '../../../../contract/jobs';
import { mutedText, Section } from './section';

export function ClassifierTargets({ job }: { job: DetailedJob }) {
  const targets = job.classifier_targets ?? [];
  if (job.job_type !== 'classifier' && targets.length === 0) return null;
  return (
    <Section title="Classifier targets">
      {targets.length === 0 ? (
        <p className={mutedText}>Derived from the training data.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-zinc-600 dark:text-zinc-400">
              <tr>
                <th className="py-1 pr-3 font-medium">Name</th>
                <th className="py-1 pr-3 font-medium">Labels</th>
                <th className="py-1 pr-3 font-medium">Weight</th>
                <th className="py-1 font-medium">Loss function</th>
              </tr>
            </thead>
            <tbody>
              {targets.map((t) => (
                <tr key={t.name} className="border-t border-zinc-200 align-top dark:border-zinc-800">
                  <td className="py-1.5 pr-3 font-medium">{t.name}</td>
                  <td className="py-1.5 pr-3">{t.labels.join(', ')}</td>
                  <td className="py-1.5 pr-3 tabular-nums">{t.weight}</td>
                  <td className="py-1.5">{t.loss_function === 'multi_class' ? 'Multi-class' : 'Single class'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
