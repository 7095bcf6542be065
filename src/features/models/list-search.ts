/**
 * The models page's state lives in the URL, like the job list's: each param read on its own, so
 * one bad value falls back to its default, pages counted from 1 as the pager shows them. The API
 * returns every model in one answer, so filtering, searching and paging happen here.
 */
import * as z from 'zod/mini';
import type { FineTunedModelCard } from '../../../contract/fine-tuned-models';
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from '../jobs/filters';

export const SHOW_CHOICES = ['active', 'archived', 'all'] as const;

const pageSizeSchema = z.union(PAGE_SIZES.map((n) => z.literal(n)));

export const modelListSearchSchema = z.object({
  show: z._default(z.enum(SHOW_CHOICES), 'active'),
  /** A base model (`root`). */
  base: z.optional(z.string().check(z.minLength(1))),
  /** Part of a name or an id. */
  q: z.optional(z.string().check(z.minLength(1))),
  /** From 0, as the pager counts. */
  page: z._default(z.int().check(z.nonnegative()), 0),
  page_size: z._default(pageSizeSchema, DEFAULT_PAGE_SIZE),
});
export type ModelListSearch = z.infer<typeof modelListSearchSchema>;
export type ModelShow = ModelListSearch['show'];

const KEYS = ['show', 'base', 'q', 'page', 'page_size'] as const;
const NUMERIC = new Set<string>(['page', 'page_size']);

export function parseModelSearch(params: URLSearchParams): ModelListSearch {
  const raw: Record<string, unknown> = {};
  for (const key of KEYS) {
    const text = params.get(key)?.trim();
    if (!text) continue;
    let value: unknown = text;
    if (NUMERIC.has(key)) {
      if (!/^\d+$/.test(text)) continue;
      value = key === 'page' ? Number(text) - 1 : Number(text);
    }
    if (modelListSearchSchema.safeParse({ [key]: value }).success) raw[key] = value;
  }
  return modelListSearchSchema.parse(raw);
}

/** Defaults left out, so links stay short and stable. */
export function toModelSearch(s: ModelListSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (s.show !== 'active') params.set('show', s.show);
  if (s.base) params.set('base', s.base);
  if (s.q) params.set('q', s.q);
  if (s.page > 0) params.set('page', String(s.page + 1));
  if (s.page_size !== DEFAULT_PAGE_SIZE) params.set('page_size', String(s.page_size));
  return params;
}

/** The models the search keeps, in the API's order (newest first). */
export function filterModels(models: readonly FineTunedModelCard[], s: ModelListSearch) {
  const needle = s.q?.toLowerCase();
  return models.filter(
    (m) =>
      (s.show === 'all' || m.archived === (s.show === 'archived')) &&
      (s.base === undefined || m.root === s.base) &&
      (needle === undefined || m.id.toLowerCase().includes(needle) || !!m.name?.toLowerCase().includes(needle)),
  );
}

/** The base models the user has fine-tuned, for the filter's choices. */
export const baseModelsOf = (models: readonly FineTunedModelCard[]) =>
  [...new Set(models.map((m) => m.root))].sort((a, b) => a.localeCompare(b));

export const isFiltered = (s: ModelListSearch) => s.show !== 'active' || s.base !== undefined || s.q !== undefined;
