/** GET /v1/models: the base catalog plus one "fine-tuned" card per successful job. */
import { Hono } from 'hono';
import type { Env } from '../env';
import { detailError } from '../http';
import { BASE_MODELS, baseModelCard } from './catalog';

function cards(jobs: Env['Variables']['jobs']) {
  const fineTuned = jobs.fineTuned().flatMap((j) => {
    const base = BASE_MODELS.find((m) => m.id === j.model);
    if (!base) return [];
    const card = baseModelCard(base);
    // A fine-tuned classifier classifies; it no longer chats, and nothing fine-tunes it again.
    const capabilities =
      j.job_type === 'classifier'
        ? {
            ...card.capabilities,
            completion_chat: false,
            function_calling: false,
            classification: true,
            fine_tuning: false,
          }
        : { ...card.capabilities, fine_tuning: false };
    return [
      {
        ...card,
        id: j.fine_tuned_model,
        created: Math.floor(j.created),
        capabilities,
        name: j.fine_tuned_model,
        description: `Fine-tuned from ${j.model} by job ${j.id}.`,
        aliases: [],
        type: 'fine-tuned' as const,
        job: j.id,
        root: j.model,
        archived: false,
      },
    ];
  });
  return [...BASE_MODELS.map(baseModelCard), ...fineTuned];
}

export const modelRoutes = new Hono<Env>()
  .get('/', (c) => c.json({ object: 'list', data: cards(c.var.jobs) }))
  .get('/:id', (c) => {
    const card = cards(c.var.jobs).find((m) => m.id === c.req.param('id'));
    if (!card) throw detailError(404, 'Model not found.');
    return c.json(card);
  });
