import { useId, useState } from 'react';
import { CopyButton } from '../../../components/copy-button';
import { Section } from '../../jobs/components/section';
import type { ModelKind } from '../model-view';
import { SNIPPET_LANGUAGES, snippet, type SnippetLanguage } from '../snippets';

/** The model in a program: one language at a time, as tabs, each copyable whole. */
export function CodeSnippets({ modelId, kind }: { modelId: string; kind: ModelKind }) {
  const [language, setLanguage] = useState<SnippetLanguage>('curl');
  const base = useId();
  const code = snippet(language, modelId, kind);
  const tabId = (l: SnippetLanguage) => `${base}-${l}`;
  return (
    <Section title="Use it in code" actions={<CopyButton value={code} label={`Copy the ${language} code`} />}>
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
        {kind === 'classifier' ? 'Classify text' : 'A chat completion'} with this model on Mistral&apos;s API, your key
        in <code className="font-mono text-xs">MISTRAL_API_KEY</code>.
      </p>
      <div
        role="tablist"
        aria-label="Language"
        className="mb-2 flex gap-1"
        onKeyDown={(e) => {
          if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
          const i = SNIPPET_LANGUAGES.indexOf(language);
          const n = SNIPPET_LANGUAGES.length;
          const next = SNIPPET_LANGUAGES[(i + (e.key === 'ArrowRight' ? 1 : n - 1)) % n] ?? language;
          setLanguage(next);
          document.getElementById(tabId(next))?.focus();
        }}
      >
        {SNIPPET_LANGUAGES.map((l) => (
          <button
            key={l}
            id={tabId(l)}
            type="button"
            role="tab"
            aria-selected={l === language}
            aria-controls={`${base}-panel`}
            tabIndex={l === language ? 0 : -1}
            onClick={() => setLanguage(l)}
            className={`rounded-md px-2.5 py-1 text-sm font-medium ${
              l === language
                ? 'bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900'
                : 'text-zinc-700 hover:bg-zinc-200 dark:text-zinc-300 dark:hover:bg-zinc-800'
            }`}
          >
            {l}
          </button>
        ))}
      </div>
      <pre
        id={`${base}-panel`}
        role="tabpanel"
        aria-labelledby={tabId(language)}
        tabIndex={0}
        className="overflow-x-auto rounded-md bg-zinc-100 p-3 font-mono text-xs leading-relaxed text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <code>{code}</code>
      </pre>
    </Section>
  );
}
