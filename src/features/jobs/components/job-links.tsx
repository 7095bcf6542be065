import type { DetailedJob } from '../../../../contract/jobs';
import { Section } from './section';

const muted = 'text-sm text-zinc-500 dark:text-zinc-400';

export function Integrations({ job }: { job: DetailedJob }) {
  const list = job.integrations ?? [];
  return (
    <Section title="Integrations">
      {list.length === 0 ? (
        <p className={muted}>None.</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {list.map((w, i) => (
            <li key={i}>
              <span className="font-medium">Weights &amp; Biases</span> · {w.project}
              {w.run_name && <> · run {w.run_name}</>}
              {w.name && <> · {w.name}</>}
              <div>
                {w.url ? (
                  <a
                    href={w.url}
                    target="_blank"
                    rel="noreferrer"
                    className="text-orange-700 underline dark:text-orange-400"
                  >
                    Open W&amp;B run<span className="sr-only"> (opens in a new tab)</span>
                    <span aria-hidden="true"> ↗</span>
                  </a>
                ) : (
                  <span className={muted}>Run link appears when training succeeds.</span>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function Repositories({ job }: { job: DetailedJob }) {
  const repos = job.repositories ?? [];
  if (repos.length === 0 && job.job_type === 'classifier') return null;
  return (
    <Section title="Repositories">
      {repos.length === 0 ? (
        <p className={muted}>None.</p>
      ) : (
        <ul className="space-y-1.5 text-sm">
          {repos.map((r) => (
            <li key={`${r.owner}/${r.name}@${r.commit_id}`}>
              <span className="font-medium">
                {r.owner}/{r.name}
              </span>
              {r.ref && <> @ {r.ref}</>} · <code className="font-mono text-xs">{r.commit_id.slice(0, 12)}</code> ·
              weight {r.weight}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function ClassifierTargets({ job }: { job: DetailedJob }) {
  const targets = job.classifier_targets ?? [];
  if (job.job_type !== 'classifier' && targets.length === 0) return null;
  return (
    <Section title="Classifier targets">
      {targets.length === 0 ? (
        <p className={muted}>Derived from the training data.</p>
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
