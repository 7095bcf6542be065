/**
 * Which model a chat or classification call may use, and the 4xx that says why not. Unknown and
 * deleted models are 404, like the model routes; the rest are 400 in the gateway's style
 * [inferred: Mistral documents neither case; its gateway answers model errors this way].
 */
import type { ClassifierTargetOut } from '../jobs/build';
import { gatewayError } from '../http';
import { BASE_MODELS } from '../models/catalog';
import type { ModelRow } from '../models/fine-tuned';
import type { ModelsRepo } from '../models/repo';

/** Base models answer to their aliases too, as Mistral's do. */
function lookup(models: ModelsRepo, id: string) {
  const base = BASE_MODELS.find((m) => m.id === id || m.aliases.includes(id));
  if (base) return { kind: 'base' as const, base };
  const row = models.get(id);
  if (row) return { kind: 'fine-tuned' as const, row };
  throw gatewayError(404, `Invalid model: ${id}`, 'invalid_model', '1500');
}

const refuseArchived = (row: ModelRow) => {
  if (row.archived === 1) {
    throw gatewayError(400, `Model ${row.id} is archived: unarchive it to use it.`, 'invalid_model');
  }
};

/** A model that chats: a base model with `completion_chat`, or a fine-tuned completion model not archived. */
export function chatModel(models: ModelsRepo, id: string): void {
  const m = lookup(models, id);
  if (m.kind === 'base') {
    if (!m.base.capabilities.completion_chat) {
      throw gatewayError(400, `Model ${id} does not support chat completions.`, 'invalid_model');
    }
    return;
  }
  if (m.row.model_type === 'classifier') {
    throw gatewayError(
      400,
      `Model ${id} is a classifier: use it with POST /v1/classifications, not chat completions.`,
      'invalid_model',
    );
  }
  refuseArchived(m.row);
}

/** A fine-tuned classifier, not archived, and what it was trained to tell apart. */
export function classifierModel(models: ModelsRepo, id: string): ClassifierTargetOut[] {
  const m = lookup(models, id);
  if (m.kind === 'base' || m.row.model_type !== 'classifier') {
    const what = m.kind === 'base' ? 'a base model' : 'a completion model';
    throw gatewayError(
      400,
      `Model ${id} is ${what}, not a fine-tuned classifier: only those answer POST /v1/classifications.`,
      'invalid_model',
    );
  }
  refuseArchived(m.row);
  return JSON.parse(m.row.classifier_targets ?? '[]') as ClassifierTargetOut[];
}
