/**
 * Over a real socket: a body over the limit gets its 413 every time, even while the client is
 * still sending, and the connection it came on (or the next one) serves the next request. The
 * emulator answers before it has read the body, so how the socket ends is what is under test.
 */
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES } from '../contract/files';
import { MAX_JSON_BYTES } from './app';
import { listenDuringTests, setup } from './testing';

const s = setup();
const server = listenDuringTests(s.app);

interface Answer {
  status: number;
  body: string;
}

/** One request on `agent`; `chunks` are written one by one (chunked, no Content-Length) when given. */
function request(
  path: string,
  agent: http.Agent,
  options: { method?: string; headers?: http.OutgoingHttpHeaders; body?: Buffer; chunks?: Buffer[] } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.url}${path}`, {
      method: options.method ?? 'GET',
      headers: options.headers,
      agent,
    });
    req.on('response', (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.chunks) {
      for (const chunk of options.chunks) req.write(chunk);
      req.end();
    } else req.end(options.body);
  });
}

const json = { 'content-type': 'application/json' };
const jsonOf = (bytes: number) => Buffer.from(JSON.stringify({ model: 'open-mistral-7b', suffix: 'x'.repeat(bytes) }));

async function bigThenSmall(agent: http.Agent, big: () => Promise<Answer>, limitMb: number) {
  const answers: string[] = [];
  for (let i = 0; i < 6; i++) {
    const refused = await big().catch((e: unknown) => ({ status: 0, body: String(e) }));
    answers.push(`${refused.status} ${refused.body}`);
    const next = await request('/v1/models', agent).catch((e: unknown) => ({ status: 0, body: String(e) }));
    answers.push(`next ${next.status}`);
  }
  const expected = `413 ${JSON.stringify({ detail: `Request body is too large (limit ${limitMb} MB).` })}`;
  expect(answers).toEqual(Array.from({ length: 6 }, () => [expected, 'next 200']).flat());
}

describe('a body over the limit', () => {
  it('with a Content-Length, small or far over: 413, and the next request on the connection is served', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      let n = 0;
      await bigThenSmall(
        agent,
        () =>
          request('/v1/fine_tuning/jobs', agent, {
            method: 'POST',
            headers: json,
            body: jsonOf(n++ % 2 ? 2 * MAX_JSON_BYTES : 20 * MAX_JSON_BYTES),
          }),
        1,
      );
    } finally {
      agent.destroy();
    }
  });

  it('sent in chunks with no Content-Length: the same', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const chunks = Array.from({ length: 40 }, () => Buffer.alloc(64 * 1024, 0x20));
      await bigThenSmall(
        agent,
        () => request('/v1/fine_tuning/jobs', agent, { method: 'POST', headers: json, chunks }),
        1,
      );
    } finally {
      agent.destroy();
    }
  });

  it('an upload over its own limit: the same', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const body = Buffer.alloc(MAX_UPLOAD_BYTES + 1024, 0x61);
      await bigThenSmall(
        agent,
        () =>
          request('/v1/files', agent, {
            method: 'POST',
            headers: { 'content-type': 'multipart/form-data; boundary=x' },
            body,
          }),
        MAX_UPLOAD_BYTES / 1024 / 1024,
      );
    } finally {
      agent.destroy();
    }
  });

  it('bodies within the limit are read as before, on the same connection', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const form = new FormData();
      form.set(
        'file',
        new Blob(['{"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]}\n']),
        'a.jsonl',
      );
      const upload = new Request('http://x/', { method: 'POST', body: form });
      const uploaded = await request('/v1/files', agent, {
        method: 'POST',
        headers: { 'content-type': upload.headers.get('content-type')! },
        body: Buffer.from(await upload.arrayBuffer()),
      });
      expect(uploaded.status, uploaded.body).toBe(200);
      const { id } = JSON.parse(uploaded.body) as { id: string };
      const created = await request('/v1/fine_tuning/jobs', agent, {
        method: 'POST',
        headers: json,
        body: Buffer.from(
          JSON.stringify({ model: 'open-mistral-7b', training_files: [{ file_id: id }], hyperparameters: {} }),
        ),
      });
      expect(created.status, created.body).toBe(200);
    } finally {
      agent.destroy();
    }
  });
});
