import * as z from 'zod/mini';

/**
 * The envelope Mistral's list endpoints answer with, `{ "object": "list", "data": [...] }`; an
 * endpoint that counts its matches adds its own `total`, since their types differ.
 */
export const listOf = <Item extends z.ZodMiniType>(item: Item) =>
  z.object({
    object: z.optional(z.literal('list')),
    data: z.array(item),
  });
