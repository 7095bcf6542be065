/**
 * Checks an uploaded fine-tuning file line by line, the way the real validator would reject it,
 * and measures it (lines, tokens, classifier labels) for the job simulation. Pure.
 */
import { TRAINING_PLAN } from '../../contract/training';

export interface ClassifierTarget {
  labels: string[];
  multi: boolean;
}

export type ParsedFile =
  | { kind: 'instruct'; numLines: number; dataTokens: number }
  | { kind: 'classifier'; numLines: number; dataTokens: number; targets: Record<string, ClassifierTarget> };

export type ParseResult = ({ ok: true } & ParsedFile) | { ok: false; detail: string };

const ROLES = new Set(['system', 'user', 'assistant', 'tool']);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Roughly 4 characters per token: close enough for costs and epochs. */
export const estimateTokens = (text: string) => Math.max(1, Math.ceil(text.length / TRAINING_PLAN.charsPerToken));

function checkChat(row: Record<string, unknown>): string | null {
  const messages = row.messages;
  if (!Array.isArray(messages) || messages.length === 0) return '"messages" must be a non-empty list';
  for (const [i, m] of messages.entries()) {
    if (!isObject(m)) return `messages[${i}] must be an object`;
    if (typeof m.role !== 'string' || !ROLES.has(m.role))
      return `messages[${i}].role must be one of system, user, assistant, tool`;
    const hasToolCalls = m.role === 'assistant' && Array.isArray(m.tool_calls);
    if (typeof m.content !== 'string' && !Array.isArray(m.content) && !hasToolCalls)
      return `messages[${i}].content must be a string`;
  }
  const last = messages[messages.length - 1] as Record<string, unknown>;
  return last.role === 'assistant' ? null : 'the last message must have role "assistant"';
}

function checkClassifier(row: Record<string, unknown>, targets: Record<string, ClassifierTarget>): string | null {
  if (typeof row.text !== 'string' && !Array.isArray(row.messages)) return '"text" must be a string';
  const labels = row.labels;
  if (!isObject(labels) || Object.keys(labels).length === 0)
    return '"labels" must be an object like {"<target>": "<label>"}';
  for (const [name, value] of Object.entries(labels)) {
    const values = Array.isArray(value) ? value : [value];
    if (values.length === 0 || values.some((v) => typeof v !== 'string' || v === ''))
      return `labels.${name} must be a label or a list of labels`;
    const t = (targets[name] ??= { labels: [], multi: false });
    t.multi ||= Array.isArray(value);
    for (const v of values as string[]) if (!t.labels.includes(v)) t.labels.push(v);
  }
  return null;
}

export function parseTrainingFile(text: string): ParseResult {
  const lines = text.split(/\r?\n/);
  let kind: ParsedFile['kind'] | undefined;
  const targets: Record<string, ClassifierTarget> = {};
  let numLines = 0;
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const fail = (why: string): ParseResult => ({ ok: false, detail: `line ${i + 1}: ${why}` });
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      return fail('not valid JSON');
    }
    if (!isObject(row)) return fail('each line must be a JSON object');
    const lineKind = 'labels' in row ? 'classifier' : 'messages' in row ? 'instruct' : undefined;
    if (lineKind === undefined)
      return fail('expected {"messages": [...]} (chat) or {"text": ..., "labels": {...}} (classifier)');
    if (kind !== undefined && lineKind !== kind) return fail(`mixes ${lineKind} and ${kind} samples in one file`);
    kind = lineKind;
    const why = kind === 'instruct' ? checkChat(row) : checkClassifier(row, targets);
    if (why !== null) return fail(why);
    numLines++;
  }
  if (kind === undefined) return { ok: false, detail: 'file is empty: expected JSONL, one sample per line' };
  const dataTokens = estimateTokens(text);
  return kind === 'instruct'
    ? { ok: true, kind, numLines, dataTokens }
    : { ok: true, kind, numLines, dataTokens, targets };
}
