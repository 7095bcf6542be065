/**
 * The word when a watched job ends: a browser notification when the user allowed them, and an
 * in-page toast always (the tab's title and favicon carry the mark until it is seen).
 */
import { formatDuration } from '../jobs/format';
import { toast } from '../../components/toast';
import type { WatchedJob } from './store';

const hasNotifications = () => typeof window !== 'undefined' && 'Notification' in window;

/**
 * Asks once, when the user turns watching on or starts a job, never on page load: a prompt with
 * no action behind it is one a user learns to dismiss.
 */
export function askNotificationPermission() {
  if (hasNotifications() && Notification.permission === 'default') void Notification.requestPermission();
}

const OUTCOME: Record<string, { verb: string; tone: 'success' | 'error' | 'info' }> = {
  SUCCESS: { verb: 'succeeded', tone: 'success' },
  FAILED: { verb: 'failed', tone: 'error' },
  FAILED_VALIDATION: { verb: 'failed validation', tone: 'error' },
  CANCELLED: { verb: 'was cancelled', tone: 'info' },
};

/** "support-long succeeded in 1 h 12 min": from its creation to the end this browser saw. */
export function endedMessage(job: WatchedJob) {
  const outcome = OUTCOME[job.status] ?? { verb: `ended (${job.status})`, tone: 'info' as const };
  const took = job.endedAt !== undefined ? ` in ${formatDuration(job.endedAt - job.createdAt)}` : '';
  return { text: `${job.title} ${outcome.verb}${took}`, tone: outcome.tone };
}

export function announceEnded(job: WatchedJob, open: (id: string) => void) {
  const { text, tone } = endedMessage(job);
  toast[tone](text);
  if (!hasNotifications() || Notification.permission !== 'granted') return;
  // One per job across tabs: a second tab's notification with the same tag replaces the first.
  const n = new Notification(text, {
    tag: `job-${job.id}`,
    body: 'Open the job in the dashboard.',
    icon: '/favicon.svg',
  });
  n.onclick = () => {
    window.focus();
    open(job.id);
    n.close();
  };
}
