/**
 * The fine-tuned model routes (shared/api/model-management.md). The list is the create form's
 * `GET /v1/models`, narrowed to the user's own models.
 */
import {
  archiveModelOutSchema,
  deleteModelOutSchema,
  fineTunedCards,
  fineTunedModelCardSchema,
  fineTunedModelOutSchema,
  type UpdateModelIn,
} from '../../../../contract/fine-tuned-models';
import { modelCardSchema } from '../../../../contract/models';
import { api } from '../../../lib/api-client';
import { isApiError, isNotFound } from '../../../lib/api-error';
import { modelListApi } from './model-list';

const modelApiPath = (id: string) => `/models/${encodeURIComponent(id)}`;
const ftModelApiPath = (id: string) => `/fine_tuning/models/${encodeURIComponent(id)}`;

/** A base model's id: it has a card, but it is Mistral's, not one of the user's to manage. */
export class BaseModelError extends Error {
  override readonly name = 'BaseModelError';
  constructor(readonly id: string) {
    super(`${id} is one of Mistral's base models, not a fine-tuned model of yours.`);
  }
}

export const modelsApi = {
  list: async (signal?: AbortSignal) => fineTunedCards(await modelListApi.list(signal)),
  /** `null` when there is no such model (never made, or deleted): a state of the page, not a failure. */
  get: async (id: string, signal?: AbortSignal) => {
    try {
      const card = await api.call(modelApiPath(id), modelCardSchema, {
        signal,
        retry: true,
        label: 'loading the model',
      });
      const own = fineTunedModelCardSchema.safeParse(card);
      if (!own.success) throw new BaseModelError(id);
      return own.data;
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  },
  // Setting the same name twice, or archiving twice, ends where once does: safe to resend.
  update: (id: string, patch: UpdateModelIn) =>
    api.call(ftModelApiPath(id), fineTunedModelOutSchema, {
      method: 'PATCH',
      json: patch,
      retry: true,
      label: 'saving the model',
    }),
  setArchived: (id: string, archived: boolean) =>
    api.call(`${ftModelApiPath(id)}/archive`, archiveModelOutSchema, {
      method: archived ? 'POST' : 'DELETE',
      retry: true,
      label: archived ? 'archiving the model' : 'unarchiving the model',
    }),
  delete: async (id: string) => {
    try {
      return await api.call(modelApiPath(id), deleteModelOutSchema, {
        method: 'DELETE',
        retry: true,
        label: 'deleting the model',
      });
    } catch (e) {
      // A resent delete finds nothing left only if an earlier attempt, whose answer was lost,
      // deleted it: the server's 404 is then its word that the model is gone.
      if (isApiError(e) && e.status === 404 && e.earlierAttemptMayHaveLanded) return { id, deleted: true };
      throw e;
    }
  },
};
