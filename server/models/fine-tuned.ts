/**
 * A fine-tuned model: what a job's SUCCESS makes (pure, for the lifecycle) and how its row is
 * shown, as a card of the model list and as the "fine-tuned model out" of an update.
 */
import type { FineTunedModelCard, FineTunedModelOut } from '../../contract/fine-tuned-models';
import type { JobType } from '../../contract/jobs';
import type { ClassifierTargetOut } from '../jobs/build';
import { BASE_MODELS, baseModelCard, NO_CAPABILITIES } from './catalog';

/**
 * The one organization and workspace of the emulated user and their teammate [inferred: the
 * API's own ids look like UUIDs; both users share them].
 */
export const ORGANIZATION_ID = '7d1e5c3a-2b4f-4e8a-9c61-0f3b2a8d4e57';
export const WORKSPACE_ID = 'c2a94f18-6e0d-4b73-a5c2-91d8e7f6b034';

/** The row a job's SUCCESS writes; the lifecycle returns it with the SUCCESS transition. */
export interface NewModel {
  id: string;
  jobId: string;
  modelType: JobType;
  root: string;
  createdAtMs: number;
  name: string | null;
  description: string | null;
  classifierTargets: ClassifierTargetOut[] | null;
}

export const newModel = (job: {
  id: string;
  jobType: JobType;
  model: string;
  fineTunedModel: string;
  atMs: number;
  classifierTargets: ClassifierTargetOut[] | null;
}): NewModel => ({
  id: job.fineTunedModel,
  jobId: job.id,
  modelType: job.jobType,
  root: job.model,
  createdAtMs: job.atMs,
  // Named after itself until the user renames it, as the dashboard always showed it.
  name: job.fineTunedModel,
  description: `Fine-tuned from ${job.model} by job ${job.id}.`,
  classifierTargets: job.jobType === 'classifier' ? (job.classifierTargets ?? []) : null,
});

export interface ModelRow {
  id: string;
  job_id: string;
  model_type: JobType;
  root: string;
  /** UNIX seconds. */
  created_at: number;
  name: string | null;
  description: string | null;
  classifier_targets: string | null;
  archived: number;
  deleted_at: number | null;
}

/** What the base offers, minus fine-tuning; a classifier classifies and no longer chats. */
function capabilitiesOf(r: Pick<ModelRow, 'root' | 'model_type'>) {
  const base = BASE_MODELS.find((m) => m.id === r.root);
  const caps = base ? { ...base.capabilities, fine_tuning: false } : NO_CAPABILITIES;
  return r.model_type === 'classifier'
    ? { ...caps, completion_chat: false, function_calling: false, completion_fim: false, classification: true }
    : { ...caps, classification: false };
}

export const canChat = (r: Pick<ModelRow, 'root' | 'model_type'>) => capabilitiesOf(r).completion_chat;

export function toCard(r: ModelRow): FineTunedModelCard {
  const base = BASE_MODELS.find((m) => m.id === r.root);
  return {
    ...(base ? baseModelCard(base) : { object: 'model', max_context_length: 32768, deprecation: null }),
    id: r.id,
    object: 'model',
    created: r.created_at,
    owned_by: ORGANIZATION_ID,
    capabilities: capabilitiesOf(r),
    name: r.name,
    description: r.description,
    aliases: [],
    type: 'fine-tuned',
    job: r.job_id,
    root: r.root,
    archived: r.archived === 1,
  };
}

export function toModelOut(r: ModelRow): FineTunedModelOut {
  const base = BASE_MODELS.find((m) => m.id === r.root);
  const { completion_chat, completion_fim, function_calling, fine_tuning, classification } = capabilitiesOf(r);
  const common = {
    id: r.id,
    object: 'model' as const,
    created: r.created_at,
    owned_by: ORGANIZATION_ID,
    workspace_id: WORKSPACE_ID,
    root: r.root,
    // [inferred] The dated name the base's alias points to when the job ran.
    root_version: base?.aliases[0] ?? r.root,
    archived: r.archived === 1,
    name: r.name,
    description: r.description,
    capabilities: { completion_chat, completion_fim, function_calling, fine_tuning, classification },
    max_context_length: base?.maxContext ?? 32768,
    aliases: [],
    job: r.job_id,
  };
  return r.model_type === 'classifier'
    ? {
        ...common,
        model_type: 'classifier',
        classifier_targets: JSON.parse(r.classifier_targets ?? '[]') as ClassifierTargetOut[],
      }
    : { ...common, model_type: 'completion' };
}
