/**
 * "Try it" on a model's page: a lazy chunk of its own, so neither the stream reader nor these
 * controls weigh on any page that does not show them.
 */
import { useQuery } from '@tanstack/react-query';
import type { FineTunedModelCard } from '../../../../contract/fine-tuned-models';
import { backendQuery } from '../../../lib/backend';
import { Section } from '../../jobs/components/section';
import { modelKind } from '../model-view';
import { ChatPane } from './chat-pane';
import { ClassifyPane } from './classify-pane';

export default function TryPane({ model }: { model: FineTunedModelCard }) {
  const backend = useQuery(backendQuery);
  const classifier = modelKind(model) === 'classifier';
  return (
    <Section title="Try it">
      {backend.data?.kind === 'emulator' && (
        <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
          {classifier
            ? 'Scores come from the local emulator: made up, the same for the same text, not a real model’s.'
            : 'Answers come from the local emulator: made-up text, the same for the same prompt and settings, not a real model’s.'}
        </p>
      )}
      {model.archived && (
        <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
          This model is archived: the API refuses to use it until it is unarchived.
        </p>
      )}
      {classifier ? <ClassifyPane modelId={model.id} /> : <ChatPane model={model} />}
    </Section>
  );
}
