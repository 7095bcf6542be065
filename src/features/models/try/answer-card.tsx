import { describeError } from '../../../lib/api-error';
import { formatInt } from '../../jobs/format';
import type { StreamState } from './use-chat-stream';

const muted = 'text-zinc-500 dark:text-zinc-400';

function ending(state: StreamState): string {
  const usage = state.usage
    ? ` · ${formatInt(state.usage.prompt_tokens)} prompt + ${formatInt(state.usage.completion_tokens)} completion = ${formatInt(state.usage.total_tokens)} tokens`
    : '';
  switch (state.status) {
    case 'streaming':
      return 'Answering…';
    case 'stopped':
      return 'Stopped: this is what arrived before Stop.';
    case 'done':
      return `${state.finishReason === 'length' ? 'Cut at the max tokens' : 'Finished'}${usage}`;
    default:
      return '';
  }
}

/** One model's answer as it streams in, and how it ended. */
export function AnswerCard({ title, model, state }: { title: string; model: string; state: StreamState }) {
  const streaming = state.status === 'streaming';
  return (
    <section aria-label={title} className="min-w-0 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      <h3 className="text-sm font-semibold">{title}</h3>
      <p className={`mb-2 font-mono text-xs break-all ${muted}`}>{model}</p>
      <div
        data-testid="answer"
        aria-busy={streaming || undefined}
        className="min-h-12 text-sm whitespace-pre-wrap [overflow-wrap:anywhere]"
      >
        {state.text}
        {state.status === 'idle' && <span className={muted}>The answer appears here.</span>}
        {streaming && !state.text && <span className={muted}>Waiting for the first token…</span>}
      </div>
      {state.status === 'error' ? (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {state.text ? 'The answer broke off: ' : 'No answer: '}
          {describeError(state.error)}
        </p>
      ) : (
        <p role="status" className={`mt-2 text-xs ${muted}`}>
          {ending(state)}
        </p>
      )}
    </section>
  );
}
