import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { classificationResponseSchema } from '../../../../contract/chat';
import { Button } from '../../../components/ui/button';
import { api } from '../../../lib/api-client';
import { describeError } from '../../../lib/api-error';
import { TextBox } from './try-fields';
import { formatScore, rankScores } from './scores';

const muted = 'text-zinc-500 dark:text-zinc-400';

/** A text, and what the classifier makes of it: every target's labels, highest score first. */
export function ClassifyPane({ modelId }: { modelId: string }) {
  const [text, setText] = useState('');
  const classify = useMutation({
    mutationFn: (input: string) =>
      api.call('/classifications', classificationResponseSchema, {
        method: 'POST',
        json: { model: modelId, input },
        // Scoring the same text twice scores it the same: safe to resend.
        retry: true,
        label: 'classifying the text',
      }),
  });
  const ranked = classify.data ? rankScores(classify.data) : [];

  return (
    <div className="space-y-3">
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) classify.mutate(text);
        }}
      >
        <TextBox label="Text to classify" value={text} onChange={setText} />
        <Button
          type="submit"
          variant="primary"
          disabled={!text.trim() || classify.isPending}
          aria-busy={classify.isPending || undefined}
        >
          {classify.isPending ? 'Classifying…' : 'Classify'}
        </Button>
      </form>
      {classify.isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          Not classified: {describeError(classify.error)}
        </p>
      )}
      {classify.isSuccess && ranked.length === 0 && <p className={`text-sm ${muted}`}>The API returned no scores.</p>}
      {ranked.length > 0 && (
        <div className="grid gap-3 sm:grid-cols-2">
          {ranked.map((t) => (
            <section key={t.target} aria-label={`Scores for ${t.target}`} className="min-w-0">
              <h3 className="text-sm font-semibold">{t.target}</h3>
              <ol className="mt-1 space-y-1.5">
                {t.labels.map((l) => (
                  <li key={l.label} className="text-sm">
                    <div className="flex justify-between gap-2">
                      <span className="min-w-0 break-words">{l.label}</span>
                      <span className="tabular-nums">{formatScore(l.score)}</span>
                    </div>
                    <span
                      aria-hidden="true"
                      className="block h-1.5 w-full overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-900"
                    >
                      <span
                        className="block h-full rounded-full bg-orange-700 dark:bg-orange-400"
                        style={{ width: `${Math.round(l.score * 100)}%` }}
                      />
                    </span>
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
