import type { DetailedJob } from '../../../../contract/jobs';
import { mutedText, Section } from './section';

export function Repositories({ job }: { job: DetailedJob }) {
  const repos = job.repositories ?? [];
  if (repos.length === 0 && job.job_type === 'classifier') return null;
  return (
    <Section title="Repositories">
      {repos.length === 0 ? (
        <p className={mutedText}>None.</p>
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
