/**
 * The base models the emulator knows, with what the fine-tuning simulation needs per model.
 * Context lengths, prices and which models take which job type are [inferred] from Mistral's
 * docs (shared/api §3.1); good enough for a plausible dashboard, not a price list.
 */
import type { JobType } from '../../contract/jobs';
import type { ModelCard } from '../../contract/models';

interface BaseModel {
  id: string;
  name: string;
  description: string;
  created: number;
  maxContext: number;
  aliases: string[];
  capabilities: ModelCard['capabilities'];
  /** Job types this model can be fine-tuned for; empty = not fine-tunable. */
  fineTuning: JobType[];
  /** seq_len the server fills in when the request leaves it out. */
  seqLen: number;
  /** EUR per million trained tokens. */
  pricePerMTokens: number;
}

/** An embedding model's, and what a fine-tuned model whose base is unknown is assumed to offer. */
export const NO_CAPABILITIES = {
  completion_chat: false,
  function_calling: false,
  completion_fim: false,
  vision: false,
  classification: false,
  fine_tuning: false,
} satisfies ModelCard['capabilities'];

const chat = {
  completion_chat: true,
  function_calling: true,
  completion_fim: false,
  vision: false,
  classification: false,
};

export const BASE_MODELS: readonly BaseModel[] = [
  {
    id: 'open-mistral-7b',
    name: 'Mistral 7B',
    description: 'Our first dense model.',
    created: 1695686400,
    maxContext: 32768,
    aliases: ['mistral-tiny-2312'],
    capabilities: { ...chat, fine_tuning: true },
    fineTuning: ['completion'],
    seqLen: 32768,
    pricePerMTokens: 2,
  },
  {
    id: 'open-mistral-nemo',
    name: 'Mistral NeMo',
    description: 'A 12B model built with NVIDIA.',
    created: 1721260800,
    maxContext: 131072,
    aliases: ['open-mistral-nemo-2407'],
    capabilities: { ...chat, fine_tuning: true },
    fineTuning: ['completion'],
    seqLen: 32768,
    pricePerMTokens: 3,
  },
  {
    id: 'mistral-small-latest',
    name: 'Mistral Small',
    description: 'Efficient model for everyday tasks.',
    created: 1742342400,
    maxContext: 131072,
    aliases: ['mistral-small-2503'],
    capabilities: { ...chat, vision: true, fine_tuning: true },
    fineTuning: ['completion'],
    seqLen: 32768,
    pricePerMTokens: 4,
  },
  {
    id: 'mistral-large-latest',
    name: 'Mistral Large',
    description: 'Top-tier reasoning for complex tasks.',
    created: 1731888000,
    maxContext: 131072,
    aliases: ['mistral-large-2411'],
    capabilities: { ...chat, fine_tuning: true },
    fineTuning: ['completion'],
    seqLen: 32768,
    pricePerMTokens: 9,
  },
  {
    id: 'codestral-latest',
    name: 'Codestral',
    description: 'Code generation and fill-in-the-middle.',
    created: 1736899200,
    maxContext: 262144,
    aliases: ['codestral-2501'],
    capabilities: { ...chat, completion_fim: true, fine_tuning: true },
    fineTuning: ['completion'],
    seqLen: 32768,
    pricePerMTokens: 3,
  },
  {
    id: 'ministral-8b-latest',
    name: 'Ministral 8B',
    description: 'Edge model with a great cost/quality ratio.',
    created: 1729036800,
    maxContext: 131072,
    aliases: ['ministral-8b-2410'],
    capabilities: { ...chat, classification: true, fine_tuning: true },
    fineTuning: ['completion', 'classifier'],
    seqLen: 32768,
    pricePerMTokens: 1,
  },
  {
    id: 'ministral-3b-latest',
    name: 'Ministral 3B',
    description: 'Smallest edge model; the classifier default.',
    created: 1729036800,
    maxContext: 131072,
    aliases: ['ministral-3b-2410'],
    capabilities: { ...chat, classification: true, fine_tuning: true },
    fineTuning: ['completion', 'classifier'],
    seqLen: 16384,
    pricePerMTokens: 0.5,
  },
  {
    id: 'pixtral-12b-latest',
    name: 'Pixtral 12B',
    description: 'Multimodal model that understands images.',
    created: 1726099200,
    maxContext: 131072,
    aliases: ['pixtral-12b-2409'],
    capabilities: { ...chat, vision: true, fine_tuning: true },
    fineTuning: ['completion'],
    seqLen: 32768,
    pricePerMTokens: 2,
  },
  {
    id: 'mistral-medium-latest',
    name: 'Mistral Medium',
    description: 'Frontier-class multimodal model.',
    created: 1746576000,
    maxContext: 131072,
    aliases: ['mistral-medium-2505'],
    capabilities: { ...chat, vision: true, fine_tuning: false },
    fineTuning: [],
    seqLen: 32768,
    pricePerMTokens: 0,
  },
  {
    id: 'mistral-embed',
    name: 'Mistral Embed',
    description: 'Text embeddings.',
    created: 1702339200,
    maxContext: 8192,
    aliases: [],
    capabilities: NO_CAPABILITIES,
    fineTuning: [],
    seqLen: 8192,
    pricePerMTokens: 0,
  },
];

/** The model's fine-tuning facts, or undefined when it cannot be fine-tuned for `jobType`. */
export function fineTunable(modelId: string, jobType: JobType): BaseModel | undefined {
  return BASE_MODELS.find((m) => m.id === modelId && m.fineTuning.includes(jobType));
}

export const baseModelCard = (m: BaseModel) => ({
  id: m.id,
  object: 'model',
  created: m.created,
  owned_by: 'mistralai',
  capabilities: m.capabilities,
  name: m.name,
  description: m.description,
  max_context_length: m.maxContext,
  aliases: m.aliases,
  deprecation: null,
  type: 'base' as const,
});
