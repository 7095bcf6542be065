import { useState } from 'react';
import type { DetailedJob } from '../../../contract/jobs';
import { Button } from '../../components/ui/button';
import { describeError } from '../../lib/api-error';
import * as jobExport from './job-export';

const small = 'px-2 py-1 text-xs';

/**
 * Download the job (as the API sends it) and its metrics; a failure is said beside the buttons,
 * never swallowed. Part of the job page's chunk: a chunk loaded from a lazy chunk made the
 * bundler split the entry's shared modules out of it (ADR 12).
 */
export function JobExportButtons({ job }: { job: DetailedJob }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (what: (m: typeof jobExport) => Promise<void> | void) => {
    setBusy(true);
    setError(null);
    try {
      await what(jobExport);
    } catch (e) {
      setError(`Export failed: ${describeError(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const noMetrics = job.checkpoints.length === 0;
  return (
    <span role="group" aria-label="Export" className="inline-flex flex-wrap items-center gap-1">
      <Button variant="ghost" className={small} disabled={busy} onClick={() => void run((m) => m.downloadJobJson(job))}>
        Download JSON
      </Button>
      <Button
        variant="ghost"
        className={small}
        disabled={busy || noMetrics}
        title={noMetrics ? 'No checkpoints yet: nothing to export' : undefined}
        onClick={() => void run((m) => m.downloadMetricsCsv(job))}
      >
        Metrics CSV
      </Button>
      {error && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {error}
        </span>
      )}
    </span>
  );
}
