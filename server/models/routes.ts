/**
 * The model routes (shared/api/model-management.md): the base catalog plus the user's fine-tuned
 * models, which can be renamed, archived, unarchived and deleted. Base models belong to Mistral:
 * every write on one is refused with 403 [inferred], an unknown id is 404.
 */
import { Hono, type Context } from 'hono';
import { updateModelInSchema } from '../../contract/fine-tuned-models';
import type { Env } from '../env';
import { detailError, readJson, validated } from '../http';
import { BASE_MODELS, baseModelCard } from './catalog';
import { toCard, toModelOut } from './fine-tuned';

export const MODEL_NOT_FOUND = 'Model not found.';

/** The user's own fine-tuned model `id`, or the 403/404 that says why there is none to change. */
function ownModel(c: Context<Env>, id: string, action: string) {
  const model = c.var.models.get(id);
  if (model) return model;
  if (BASE_MODELS.some((m) => m.id === id)) {
    throw detailError(403, `${id} is a base model: it cannot be ${action}; only fine-tuned models can.`);
  }
  throw detailError(404, MODEL_NOT_FOUND);
}

/** `/v1/models`: list, retrieve, delete. */
export const modelRoutes = new Hono<Env>()
  .get('/', (c) =>
    c.json({ object: 'list', data: [...BASE_MODELS.map(baseModelCard), ...c.var.models.list().map(toCard)] }),
  )
  .get('/:id', (c) => {
    const id = c.req.param('id');
    const base = BASE_MODELS.find((m) => m.id === id);
    if (base) return c.json(baseModelCard(base));
    const model = c.var.models.get(id);
    if (!model) throw detailError(404, MODEL_NOT_FOUND);
    return c.json(toCard(model));
  })
  .delete('/:id', (c) => {
    const { id } = ownModel(c, c.req.param('id'), 'deleted');
    c.var.models.delete(id, c.var.clock.now());
    return c.json({ id, object: 'model', deleted: true });
  });

/** `/v1/fine_tuning/models`: update, archive, unarchive. */
export const fineTuningModelRoutes = new Hono<Env>()
  .patch('/:id', async (c) => {
    // The body first, as FastAPI validates it before the handler looks anything up.
    const changes = validated(updateModelInSchema, await readJson(c), 'body');
    const { id } = ownModel(c, c.req.param('id'), 'updated');
    const model = c.var.models.update(id, changes);
    if (!model) throw detailError(404, MODEL_NOT_FOUND);
    return c.json(toModelOut(model));
  })
  // Archiving an archived model (or unarchiving one that is not) changes nothing and says so [inferred].
  .post('/:id/archive', (c) => archive(c, c.req.param('id'), true))
  .delete('/:id/archive', (c) => archive(c, c.req.param('id'), false));

function archive(c: Context<Env>, modelId: string, archived: boolean) {
  const { id } = ownModel(c, modelId, archived ? 'archived' : 'unarchived');
  if (!c.var.models.setArchived(id, archived)) throw detailError(404, MODEL_NOT_FOUND);
  return c.json({ id, object: 'model', archived });
}
