/**
 * What an emulated model says: plausible sentences, the same for the same model, messages and
 * settings on every run (a PRNG seeded from their hash; nothing reads Math.random), different
 * between models, so a fine-tune and its base answer the same prompt differently side by side.
 * The words of the last user message come back in the answer, as a model on topic would use them.
 */
import type { ChatMessage } from '../../contract/chat';
import { hash32, prng, type Prng } from '../random';
import { join, pieces } from './tokens';

const TEMPLATES = [
  'Sure, we can {V} the {A} {N} for your {K}.',
  'The {N} for {K} is {A}, so {V} it first.',
  'Here is the {A} {N}: {V} the {K}, then {V} the {N}.',
  'I would {V} the {K} with the {A} {N}.',
  'Your {K} needs a {A} {N}; after that we {V} it.',
  'In short, the {K} {N} looks {A}.',
  'Next, {V} the {N} and keep the {K} {A}.',
  'This {N} depends on the {K} and on the {A} {N}.',
  'If the {K} changes, {V} the {N} again.',
  'Most teams {V} the {K} before the {A} {N}.',
];
// Most likely first: a low temperature keeps to the head of each list.
const WORDS = {
  V: [
    'check',
    'review',
    'update',
    'confirm',
    'share',
    'send',
    'follow',
    'open',
    'keep',
    'compare',
    'measure',
    'rebuild',
  ],
  N: [
    'answer',
    'request',
    'plan',
    'account',
    'result',
    'step',
    'detail',
    'setting',
    'report',
    'version',
    'record',
    'process',
  ],
  A: [
    'clear',
    'simple',
    'next',
    'current',
    'usual',
    'short',
    'safe',
    'direct',
    'recent',
    'careful',
    'generous',
    'unusual',
  ],
  K: ['question', 'topic', 'case', 'issue', 'goal', 'idea', 'order', 'task', 'problem', 'change', 'draft', 'matter'],
};
/** What a high temperature lets in now and then. */
const RARE = ['luminous', 'tangential', 'whimsical', 'oblique', 'serendipitous', 'quixotic', 'kaleidoscopic', 'arcane'];
// Not topics: function words, and (below) most verb forms and adverbs, by their endings.
const STOPWORDS = new Set(
  (
    'about after again also always been before being could does doing from have hello help here into just know like make more ' +
    'need never only other over please some such than thank thanks that their them then there these they this those very ' +
    'want were what when where which while will with would your'
  ).split(' '),
);

export interface GenerateInput {
  model: string;
  messages: readonly ChatMessage[];
  temperature: number;
  randomSeed: number | null;
  maxTokens: number | null;
  stop: readonly string[];
  /** Which of the `n` choices. */
  index: number;
}

export interface Generated {
  text: string;
  finishReason: 'stop' | 'length';
}

export const messageText = (m: ChatMessage): string =>
  typeof m.content === 'string'
    ? m.content
    : (m.content ?? []).map((c) => (c.type === 'text' ? (c.text ?? '') : '')).join('');

/** The on-topic words of the last user message, in order, each once. */
function keywords(messages: readonly ChatMessage[]): string[] {
  const last = [...messages].reverse().find((m) => m.role === 'user');
  const words = (last ? messageText(last) : '').toLowerCase().match(/\p{L}{4,}/gu) ?? [];
  return [...new Set(words.filter((w) => !STOPWORDS.has(w) && !/(ed|ly|ing)$/.test(w)))];
}

function sentence(rng: Prng, temperature: number, topic: string[]): string {
  // 0 → the first third of each list, 1.5 → all of it.
  const reach = (list: readonly string[]) =>
    list[Math.floor(rng.next() * Math.ceil(list.length * (1 / 3 + (2 / 3) * (temperature / 1.5))))]!;
  const text = rng.pick(TEMPLATES).replace(/\{([VNAK])\}/g, (_, slot: keyof typeof WORDS) => {
    if (slot === 'K' && topic.length > 0 && rng.next() < 0.7) return rng.pick(topic);
    if (slot === 'A' && temperature > 1 && rng.next() < temperature - 1) return rng.pick(RARE);
    return reach(WORDS[slot]);
  });
  return text;
}

/** The natural answer, then cut at the first stop sequence, then at `maxTokens`. */
export function generate(input: GenerateInput): Generated {
  const seedText = JSON.stringify([
    input.model,
    input.messages.map((m) => [m.role, messageText(m)]),
    Math.round(input.temperature * 100),
    input.randomSeed,
    input.index,
  ]);
  const rng = prng(hash32(seedText));
  const topic = keywords(input.messages);
  const sentences = Array.from({ length: 2 + Math.floor(rng.next() * 4) }, () =>
    sentence(rng, input.temperature, topic),
  );
  let text = join(sentences.flatMap((s) => pieces(s).map((p) => p.trim())));
  let finishReason: Generated['finishReason'] = 'stop';
  const cut = Math.min(...input.stop.map((s) => (s === '' ? -1 : text.indexOf(s))).filter((i) => i >= 0));
  if (Number.isFinite(cut)) text = text.slice(0, cut).trimEnd();
  if (input.maxTokens !== null) {
    const all = pieces(text);
    if (all.length > input.maxTokens) {
      text = all.slice(0, input.maxTokens).join('').trimStart();
      finishReason = 'length';
    }
  }
  return { text, finishReason };
}
