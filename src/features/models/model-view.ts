/** How a fine-tuned model reads on screen. Pure, so the pages agree and tests pin them. */
import type { FineTunedModelCard, FineTunedModelOut } from '../../../contract/fine-tuned-models';

export type ModelKind = FineTunedModelOut['model_type'];

/**
 * The card has no `model_type` (only update's answer does): a classifier is the model whose card
 * says it classifies.
 */
export const modelKind = (m: Pick<FineTunedModelCard, 'capabilities'>): ModelKind =>
  m.capabilities.classification === true ? 'classifier' : 'completion';

/** The name the user gave it, else its id. */
export const modelTitle = (m: Pick<FineTunedModelCard, 'id' | 'name'>) => m.name?.trim() || m.id;

/** A model's page in the app; its addresses in the API are in api/client.ts. */
export const modelPagePath = (id: string) => `/models/${encodeURIComponent(id)}`;

const CAPABILITY_WORDS: Record<string, string> = {
  completion_chat: 'Chat',
  completion_fim: 'Fill-in-the-middle',
  function_calling: 'Function calling',
  fine_tuning: 'Fine-tuning',
  vision: 'Vision',
  classification: 'Classification',
};

/** The capabilities the card says yes to, in words, in the card's order. */
export const capabilityNames = (m: Pick<FineTunedModelCard, 'capabilities'>) =>
  Object.entries(m.capabilities)
    .filter(([, on]) => on === true)
    .map(([key]) => CAPABILITY_WORDS[key] ?? key);
