/** A classification's answer as the page lists it. Pure, so the order is pinned by tests. */
import type { ClassificationResponse } from '../../../../contract/chat';

export interface RankedTarget {
  target: string;
  labels: { label: string; score: number }[];
}

/**
 * Each target of the first result with its labels highest first; equal scores by label name, so
 * the order never depends on how the API happened to list them. Targets keep the API's order.
 */
export function rankScores(answer: ClassificationResponse): RankedTarget[] {
  const result = answer.results[0] ?? {};
  return Object.entries(result).map(([target, { scores }]) => ({
    target,
    labels: Object.entries(scores)
      .map(([label, score]) => ({ label, score }))
      .sort((a, b) => b.score - a.score || a.label.localeCompare(b.label)),
  }));
}

/** "87.5%": enough to tell close scores apart, not a false precision. */
export const formatScore = (score: number) => `${(score * 100).toFixed(1)}%`;
