import { expect, test } from 'vitest';
import { formatScore, rankScores } from './scores';

test('each target’s labels highest first, ties by name, targets in the API’s order', () => {
  const ranked = rankScores({
    id: 'x',
    model: 'ft:c',
    results: [
      {
        intent: { scores: { refund: 0.2, billing: 0.5, other: 0.1, account: 0.2 } },
        sentiment: { scores: { negative: 0.1, positive: 0.9 } },
      },
    ],
  });
  expect(ranked).toEqual([
    {
      target: 'intent',
      labels: [
        { label: 'billing', score: 0.5 },
        { label: 'account', score: 0.2 },
        { label: 'refund', score: 0.2 },
        { label: 'other', score: 0.1 },
      ],
    },
    {
      target: 'sentiment',
      labels: [
        { label: 'positive', score: 0.9 },
        { label: 'negative', score: 0.1 },
      ],
    },
  ]);
});

test('no result, no targets', () => {
  expect(rankScores({ id: 'x', model: 'ft:c', results: [] })).toEqual([]);
});

test('scores as percentages with one decimal', () => {
  expect(formatScore(0.8754)).toBe('87.5%');
  expect(formatScore(1)).toBe('100.0%');
});
