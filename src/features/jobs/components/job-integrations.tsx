import type { DetailedJob } from '../../../../contract/jobs';
import { mutedText, Section } from './section';

export function Integrations({ job }: { job: DetailedJob }) {
  const list = job.integrations ?? [];
  return (
    <Section title="Integrations">
      {list.length === 0 ? (
        <p className={mutedText}>None.</p>
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
                  <span className={mutedText}>Run link appears when training succeeds.</span>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
