/**
 * What an emulated classifier says: for each of its targets, a score per label that sums to 1
 * (a softmax). Each word of the input pushes each label up or down by an amount fixed by a hash
 * of model, target, label and word, so the same text always scores the same, similar texts
 * score alike, and two classifiers disagree.
 */
import type { ClassifierTargetOut } from '../jobs/build';
import { hash32 } from '../random';

/** A hash as a number in [-1, 1). */
const unit = (text: string) => hash32(text) / 2 ** 31 - 1;

export function classifyText(model: string, targets: readonly ClassifierTargetOut[], text: string) {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  // Longer texts are no surer than short ones: the words' sum is scaled by √n.
  const scale = 3 / Math.sqrt(Math.max(1, words.length));
  return Object.fromEntries(
    targets.map((t) => {
      const logits = t.labels.map(
        (label) =>
          unit(`${model}|${t.name}|${label}`) +
          scale * words.reduce((s, w) => s + unit(`${model}|${t.name}|${label}|${w}`), 0),
      );
      const top = Math.max(...logits);
      const exp = logits.map((l) => Math.exp(l - top));
      const sum = exp.reduce((a, b) => a + b, 0);
      return [t.name, { scores: Object.fromEntries(t.labels.map((label, i) => [label, exp[i]! / sum])) }];
    }),
  );
}
