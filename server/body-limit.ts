/**
 * The request size limit, answered so the client can read it. Hono's `bodyLimit` answers 413
 * without reading the body, and @hono/node-server then gives the leftover upload 500 ms before
 * destroying the socket: a client still sending meets a reset instead of the 413, and one that
 * reuses the keep-alive connection loses its next request. Here the rest of the body is read and
 * thrown away first (within a budget), so the 413 arrives on a connection that stays usable; a
 * body too big or too slow to discard gets its 413 with `Connection: close` instead.
 */
import type { Context, MiddlewareHandler } from 'hono';

/** How much of a refused body is read to keep its connection: past this, closing is cheaper. */
const DISCARD_MAX_BYTES = 64 * 1024 * 1024;
const DISCARD_MAX_MS = 5_000;

/** Reads `reader` to its end within the budget; false when the budget ran out or the client left. */
async function discard(reader: ReadableStreamDefaultReader<Uint8Array>, alreadyRead: number): Promise<boolean> {
  let bytes = alreadyRead;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), DISCARD_MAX_MS);
  });
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), late]);
      if (next === null) return false;
      if (next.done) return true;
      bytes += next.value.byteLength;
      if (bytes > DISCARD_MAX_BYTES) return false;
    }
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export function limitBody(maxSize: number): MiddlewareHandler {
  const tooLarge = (c: Context, keepConnection: boolean) =>
    c.json(
      { detail: `Request body is too large (limit ${maxSize / 1024 / 1024} MB).` },
      413,
      keepConnection ? {} : { connection: 'close' },
    );

  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      const length = Number(declared);
      if (length <= maxSize) return next();
      return tooLarge(c, length <= DISCARD_MAX_BYTES && (await discard(body.getReader(), 0)));
    }
    // No length announced (chunked): count while reading, and keep what was read for the handler.
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxSize) return tooLarge(c, await discard(reader, size));
      chunks.push(value);
    }
    c.req.raw = new Request(c.req.raw, { body: Buffer.concat(chunks) });
    return next();
  };
}
