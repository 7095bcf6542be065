/**
 * The base models the Model filter offers: those the user has used. That is the models of the
 * jobs this tab has read (the list's pages, a search's pages: any status, any age), and the base
 * of each fine-tuned model `GET /v1/models` lists, which covers every job that succeeded, however
 * old. Jobs that never succeeded and were never loaded are missed until a page shows them; the
 * catalog of fine-tunable models is not offered, since a model nobody used filters to nothing.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ParsedJobList } from '../api/parse-list';
import { jobQueries } from '../api/queries';
import { fineTunedModelQueries } from '../../models/api/queries';

/** A model list changes when a job succeeds: asked again at most every five minutes. */
const MODELS_STALE_MS = 5 * 60_000;

const collator = new Intl.Collator(undefined, { numeric: true });

/** Hands `offer` the models known now, then again with the models endpoint's once it answers. */
export async function offerUsedModels(qc: QueryClient, offer: (models: string[]) => void): Promise<void> {
  const models = new Set<string>();
  for (const [, list] of qc.getQueriesData<ParsedJobList>({ queryKey: jobQueries.lists() })) {
    for (const job of list?.data ?? []) models.add(job.model);
  }
  const sorted = () => [...models].sort(collator.compare);
  offer(sorted());
  try {
    const cards = await qc.fetchQuery({ ...fineTunedModelQueries.list(), staleTime: MODELS_STALE_MS });
    for (const card of cards) models.add(card.root);
    offer(sorted());
  } catch {
    // The jobs' models are offered; the endpoint's failure is not this filter's to report.
  }
}
