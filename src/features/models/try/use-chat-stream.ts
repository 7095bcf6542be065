import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatCompletionRequest, Usage } from '../../../../contract/chat';
import { streamChat } from './sse';

export type StreamStatus = 'idle' | 'streaming' | 'done' | 'stopped' | 'error';

export interface StreamState {
  status: StreamStatus;
  text: string;
  usage?: Usage;
  finishReason?: string;
  error?: unknown;
}

const IDLE: StreamState = { status: 'idle', text: '' };

/**
 * One streamed answer at a time: a new send or Stop aborts the one in flight, and what arrived
 * before Stop stays on screen. Leaving the page drops the request, which stops the model.
 */
export function useChatStream() {
  const [state, setState] = useState<StreamState>(IDLE);
  const current = useRef<AbortController | null>(null);

  useEffect(() => () => current.current?.abort(), []);

  const send = useCallback(async (req: Omit<ChatCompletionRequest, 'stream'>) => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    // Updates from an answer that has been replaced or stopped are dropped.
    const update = (f: (s: StreamState) => StreamState) => {
      if (current.current === controller) setState(f);
    };
    setState({ status: 'streaming', text: '' });
    try {
      for await (const chunk of streamChat(req, { signal: controller.signal })) {
        const choice = chunk.choices.find((c) => c.index === 0);
        update((s) => ({
          ...s,
          text: s.text + (choice?.delta.content ?? ''),
          finishReason: choice?.finish_reason ?? s.finishReason,
          usage: chunk.usage ?? s.usage,
        }));
      }
      update((s) => ({ ...s, status: 'done' }));
    } catch (error) {
      if (controller.signal.aborted) return;
      update((s) => ({ ...s, status: 'error', error }));
    } finally {
      if (current.current === controller) current.current = null;
    }
  }, []);

  const stop = useCallback(() => {
    const controller = current.current;
    if (!controller) return;
    current.current = null;
    controller.abort();
    setState((s) => (s.status === 'streaming' ? { ...s, status: 'stopped' } : s));
  }, []);

  return { state, send, stop };
}
