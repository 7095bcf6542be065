import type { JobStatus } from '../../contract/jobs';

/**
 * Every job status in one table: the words people read, an icon that is never the only cue,
 * and a tone. A status the API adds before we know it is shown as sent, in a neutral tone.
 */
export type StatusTone = 'neutral' | 'info' | 'progress' | 'attention' | 'success' | 'danger' | 'muted';

export interface StatusInfo {
  label: string;
  icon: string;
  tone: StatusTone;
  /** One line for people who wonder what the status means (title text, dialogs). */
  description: string;
}

export const STATUS_INFO: Record<JobStatus, StatusInfo> = {
  QUEUED: { label: 'Queued', icon: '◷', tone: 'info', description: 'Waiting for capacity.' },
  STARTED: { label: 'Started', icon: '▷', tone: 'info', description: 'The job has started.' },
  VALIDATING: { label: 'Validating', icon: '⋯', tone: 'info', description: 'Checking the training data.' },
  VALIDATED: { label: 'Validated', icon: '◆', tone: 'attention', description: 'Ready to start: review the cost.' },
  RUNNING: { label: 'Running', icon: '▶', tone: 'progress', description: 'Training.' },
  FAILED_VALIDATION: {
    label: 'Failed validation',
    icon: '✕',
    tone: 'danger',
    description: 'The data or settings were rejected.',
  },
  FAILED: { label: 'Failed', icon: '✕', tone: 'danger', description: 'Training stopped with an error.' },
  SUCCESS: { label: 'Succeeded', icon: '✓', tone: 'success', description: 'The fine-tuned model is ready.' },
  CANCELLED: { label: 'Cancelled', icon: '⊘', tone: 'muted', description: 'Stopped on request.' },
  CANCELLATION_REQUESTED: { label: 'Cancelling', icon: '⊘', tone: 'attention', description: 'Cancellation requested.' },
};

const isKnown = (status: string): status is JobStatus => Object.hasOwn(STATUS_INFO, status);

export function statusInfo(status: string): StatusInfo {
  return isKnown(status)
    ? STATUS_INFO[status]
    : { label: status, icon: '•', tone: 'neutral', description: `Status ${status}.` };
}

const TONES: Record<StatusTone, string> = {
  neutral: 'border-zinc-300 bg-zinc-100 text-zinc-800 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-200',
  muted: 'border-zinc-300 bg-zinc-100 text-zinc-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-400',
  info: 'border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-200',
  progress: 'border-blue-300 bg-blue-50 text-blue-900 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-200',
  attention: 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200',
  success:
    'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200',
  danger: 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200',
};

export interface StatusBadgeProps {
  status: string;
  size?: 'sm' | 'md';
  className?: string;
}

/** The status as text with an icon; colour only reinforces it. */
export function StatusBadge({ status, size = 'sm', className = '' }: StatusBadgeProps) {
  const info = statusInfo(status);
  const pad = size === 'md' ? 'px-2.5 py-1 text-sm' : 'px-2 py-0.5 text-xs';
  return (
    <span
      title={info.description}
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full border font-medium ${pad} ${TONES[info.tone]} ${className}`}
    >
      <span aria-hidden="true" className={info.tone === 'progress' ? 'motion-safe:animate-pulse' : undefined}>
        {info.icon}
      </span>
      {info.label}
    </span>
  );
}
