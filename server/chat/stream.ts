/**
 * A streamed completion as server-sent events: `data: {chunk}` per token, a blank line after
 * each, then `data: [DONE]`. Written one event per pull, with a pause between them, so a reader
 * sees the answer arrive as it would from a model; a client that goes away (the request's signal,
 * or the body cancelled) stops it before the next event.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { STREAM_DONE } from '../../contract/chat';

export interface StreamEnd {
  /** Events written, [DONE] included. */
  events: number;
  aborted: boolean;
}

export function sseResponse(
  events: Iterable<unknown>,
  { delayMs, signal, onEnd }: { delayMs: number; signal: AbortSignal; onEnd?: (end: StreamEnd) => void },
): Response {
  const encoder = new TextEncoder();
  const it = events[Symbol.iterator]();
  let written = 0;
  let ended = false;
  const end = (aborted: boolean) => {
    if (ended) return;
    ended = true;
    onEnd?.({ events: written, aborted });
  };
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (written > 0 && delayMs > 0) await sleep(delayMs, undefined, { signal }).catch(() => undefined);
      if (ended) return; // cancelled while it slept
      if (signal.aborted) {
        end(true);
        return controller.close();
      }
      const next = it.next();
      const data = next.done ? STREAM_DONE : JSON.stringify(next.value);
      controller.enqueue(encoder.encode(`data: ${data}\n\n`));
      written++;
      if (next.done) {
        end(false);
        controller.close();
      }
    },
    cancel() {
      end(true);
    },
  });
  return new Response(body, {
    status: 200,
    // `no-transform` and X-Accel-Buffering: no proxy on the way should hold events back to compress them.
    headers: {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}
