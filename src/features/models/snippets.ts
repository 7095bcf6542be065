/**
 * Code that uses a fine-tuned model against Mistral's own API (not this dashboard's proxy): what a
 * user pastes into their program. The key is read from the environment, never written in.
 */
import type { ModelKind } from './model-view';

export const SNIPPET_LANGUAGES = ['curl', 'Python', 'TypeScript'] as const;
export type SnippetLanguage = (typeof SNIPPET_LANGUAGES)[number];

const API_URL = 'https://api.mistral.ai/v1';
const CHAT_PROMPT = 'Hello! What can you do?';
const CLASSIFY_INPUT = 'I would like a refund for my last order.';

/** Inside a single-quoted shell string, a quote ends it: close, escape, reopen. */
const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;
/** JSON's string syntax is valid Python and TypeScript too, escapes included. */
const literal = (text: string) => JSON.stringify(text);

function curl(model: string, kind: ModelKind) {
  const [path, body] =
    kind === 'classifier'
      ? ['classifications', { model, input: [CLASSIFY_INPUT] }]
      : ['chat/completions', { model, messages: [{ role: 'user', content: CHAT_PROMPT }] }];
  return [
    `curl ${API_URL}/${path} \\`,
    `  -H "Authorization: Bearer $MISTRAL_API_KEY" \\`,
    `  -H "Content-Type: application/json" \\`,
    // The body indented under its flag, as one would write it by hand.
    `  -d ${shellQuote(JSON.stringify(body, null, 2).replaceAll('\n', '\n  '))}`,
  ].join('\n');
}

/** What the Python and TypeScript snippets are made of: the client set up, then the call for each kind of model. */
interface SdkProgram {
  setup: string[];
  call: Record<ModelKind, (model: string) => string[]>;
}

const PYTHON: SdkProgram = {
  setup: ['import os', 'from mistralai import Mistral', '', 'client = Mistral(api_key=os.environ["MISTRAL_API_KEY"])'],
  call: {
    classifier: (model) => [
      'response = client.classifiers.classify(',
      `    model=${literal(model)},`,
      `    inputs=[${literal(CLASSIFY_INPUT)}],`,
      ')',
      'print(response.results[0])',
    ],
    completion: (model) => [
      'response = client.chat.complete(',
      `    model=${literal(model)},`,
      `    messages=[{"role": "user", "content": ${literal(CHAT_PROMPT)}}],`,
      ')',
      'print(response.choices[0].message.content)',
    ],
  },
};

const TYPESCRIPT: SdkProgram = {
  setup: [
    'import { Mistral } from "@mistralai/mistralai";',
    '',
    'const client = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });',
  ],
  call: {
    classifier: (model) => [
      'const response = await client.classifiers.classify({',
      `  model: ${literal(model)},`,
      `  inputs: [${literal(CLASSIFY_INPUT)}],`,
      '});',
      'console.log(response.results[0]);',
    ],
    completion: (model) => [
      'const response = await client.chat.complete({',
      `  model: ${literal(model)},`,
      `  messages: [{ role: "user", content: ${literal(CHAT_PROMPT)} }],`,
      '});',
      'console.log(response.choices[0]?.message.content);',
    ],
  },
};

/** A writer for one SDK: its set-up, a blank line, then the call. */
function sdk({ setup, call }: SdkProgram) {
  return (model: string, kind: ModelKind) => [...setup, '', ...call[kind](model)].join('\n');
}

const WRITERS: Record<SnippetLanguage, (model: string, kind: ModelKind) => string> = {
  curl,
  Python: sdk(PYTHON),
  TypeScript: sdk(TYPESCRIPT),
};

export const snippet = (language: SnippetLanguage, model: string, kind: ModelKind) => WRITERS[language](model, kind);
