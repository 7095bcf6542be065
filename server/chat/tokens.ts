/**
 * How the emulator counts tokens, for the prompt and the completion alike: a token is a run of
 * letters, digits or underscores (a word or a number), or any other single character that is not
 * white space (each punctuation mark, symbol or emoji code point). Real tokenizers split finer;
 * this rule is simple to check by hand, and `usage` always agrees with the text it describes.
 */
const TOKEN = /[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu;
/** A token with the white space before it: what one streamed chunk carries. */
const PIECE = /\s*(?:[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_])/gu;

export const countTokens = (text: string) => text.match(TOKEN)?.length ?? 0;

/** `text` cut into one piece per token; joined again they give `text` back (less trailing space). */
export const pieces = (text: string) => text.match(PIECE) ?? [];

/** Tokens, joined the way prose is written: a space before words, none before punctuation. */
export function join(tokens: readonly string[]): string {
  let out = '';
  for (const t of tokens) {
    out += out === '' || /^[.,;:!?)]/.test(t) ? t : ` ${t}`;
  }
  return out;
}
