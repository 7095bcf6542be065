import { useRef, useState, type FormEvent } from 'react';
import { TEMPERATURE_RANGE } from '../../../../contract/chat';
import type { FineTunedModelCard } from '../../../../contract/fine-tuned-models';
import { Button } from '../../../components/ui/button';
import { modelTitle } from '../model-view';
import { AnswerCard } from './answer-card';
import { NumberBox, TextBox } from './try-fields';
import { useChatStream } from './use-chat-stream';

/** [inferred] Mistral's chat models default near it; the emulator uses it when none is sent. */
export const DEFAULT_TEMPERATURE = 0.7;
export const DEFAULT_MAX_TOKENS = 256;
/** Enough for any answer worth reading here; a bigger ask is for code, not a try-out. */
const MAX_TOKENS_LIMIT = 4096;

/**
 * A prompt to the fine-tuned model, streamed, and if asked the same prompt to its base model
 * beside it. Each send is a conversation of one message, so both models answer the same thing.
 */
export function ChatPane({ model }: { model: FineTunedModelCard }) {
  const [prompt, setPrompt] = useState('');
  const [temperature, setTemperature] = useState(String(DEFAULT_TEMPERATURE));
  const [maxTokens, setMaxTokens] = useState(String(DEFAULT_MAX_TOKENS));
  const [compare, setCompare] = useState(false);
  const tuned = useChatStream();
  const base = useChatStream();
  const streaming = tuned.state.status === 'streaming' || base.state.status === 'streaming';
  // What the last send compared, not what the box says now: the cards match the answers shown.
  const [compared, setCompared] = useState(false);

  const send = (e?: FormEvent) => {
    e?.preventDefault();
    if (!prompt.trim()) return;
    const req = {
      messages: [{ role: 'user' as const, content: prompt }],
      temperature: Number(temperature),
      max_tokens: Number(maxTokens),
    };
    void tuned.send({ ...req, model: model.id });
    if (compare) void base.send({ ...req, model: model.root });
    else base.stop();
    setCompared(compare);
  };
  const sendButton = useRef<HTMLButtonElement>(null);
  const stop = () => {
    tuned.stop();
    base.stop();
    // Stop disables itself: the focus would otherwise fall back to the page's top.
    sendButton.current?.focus();
  };

  return (
    <div className="space-y-3">
      <form onSubmit={send} className="space-y-3">
        <TextBox
          label="Prompt"
          value={prompt}
          onChange={setPrompt}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send(e);
          }}
        />
        <div className="flex flex-wrap items-end gap-3">
          <NumberBox
            label="Temperature"
            min={TEMPERATURE_RANGE.min}
            max={TEMPERATURE_RANGE.max}
            step={0.1}
            value={temperature}
            onChange={setTemperature}
          />
          <NumberBox
            label="Max tokens"
            min={1}
            max={MAX_TOKENS_LIMIT}
            step={1}
            value={maxTokens}
            onChange={setMaxTokens}
          />
          <label className="flex items-center gap-2 py-1.5 text-sm">
            <input type="checkbox" checked={compare} onChange={(e) => setCompare(e.target.checked)} />
            Also ask the base model ({model.root})
          </label>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button ref={sendButton} type="submit" variant="primary" disabled={!prompt.trim()}>
            Send
          </Button>
          <Button onClick={stop} disabled={!streaming}>
            Stop
          </Button>
          <span className="text-xs text-zinc-500 dark:text-zinc-400">Ctrl+Enter sends</span>
        </div>
      </form>
      <div className={`grid gap-3 ${compared ? 'lg:grid-cols-2' : ''}`}>
        <AnswerCard title="Fine-tuned model" model={modelTitle(model)} state={tuned.state} />
        {compared && <AnswerCard title="Base model" model={model.root} state={base.state} />}
      </div>
    </div>
  );
}
