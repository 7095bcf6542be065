import { describe, expect, test } from 'vitest';
import { detailListErrorSchema, detailTextErrorSchema } from '../../contract/errors';
import { fileListSchema, fileSchema } from '../../contract/files';
import { detailedJobSchema, jobSchema } from '../../contract/jobs';
import { setup, type Setup } from '../testing';
import { parseTrainingFile } from './validate';

const chat = (...rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
const goodChat = {
  messages: [
    { role: 'system', content: 's' },
    { role: 'user', content: 'hi' },
    { role: 'assistant', content: 'hello' },
  ],
};

async function upload(s: Setup, content: string, filename = 'data.jsonl', purpose?: string) {
  const form = new FormData();
  form.append('file', new File([content], filename, { type: 'application/jsonl' }));
  if (purpose !== undefined) form.append('purpose', purpose);
  const res = await s.app.request('/v1/files', { method: 'POST', body: form });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('parseTrainingFile', () => {
  test('accepts chat and classifier JSONL, measuring lines and labels', () => {
    expect(parseTrainingFile(chat(goodChat, goodChat))).toMatchObject({ ok: true, kind: 'instruct', numLines: 2 });
    expect(
      parseTrainingFile(chat({ text: 'a', labels: { s: 'pos' } }, { text: 'b', labels: { s: 'neg', t: ['x', 'y'] } })),
    ).toMatchObject({
      ok: true,
      kind: 'classifier',
      targets: { s: { labels: ['pos', 'neg'], multi: false }, t: { labels: ['x', 'y'], multi: true } },
    });
  });

  test.each([
    ['', 'file is empty'],
    [chat(goodChat, goodChat) + '{oops\n', 'line 3: not valid JSON'],
    [chat([1, 2]), 'line 1: each line must be a JSON object'],
    [chat({ prompt: 'x' }), 'line 1: expected {"messages"'],
    [chat({ messages: [] }), 'line 1: "messages" must be a non-empty list'],
    [chat({ messages: [{ role: 'robot', content: 'x' }] }), 'line 1: messages[0].role must be one of'],
    [chat({ messages: [{ role: 'user', content: 3 }] }), 'line 1: messages[0].content must be a string'],
    [
      chat(goodChat, { messages: [{ role: 'user', content: 'x' }] }),
      'line 2: the last message must have role "assistant"',
    ],
    [chat({ text: 't', labels: {} }), 'line 1: "labels" must be an object'],
    [chat(goodChat, { text: 't', labels: { a: 'b' } }), 'line 2: mixes classifier and instruct'],
  ])('rejects %j', (content, detail) => {
    const r = parseTrainingFile(content);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.detail).toContain(detail);
  });
});

describe('/v1/files', () => {
  test('upload stores the file; list, search, purpose and paging find it; retrieve returns it', async () => {
    const s = setup();
    s.addFile();
    const res = await upload(s, chat(goodChat, goodChat, goodChat), 'my-chats.jsonl');
    expect(res.status).toBe(200);
    const file = fileSchema.parse(res.body);
    expect(file).toMatchObject({
      object: 'file',
      filename: 'my-chats.jsonl',
      purpose: 'fine-tune',
      sample_type: 'instruct',
      num_lines: 3,
      source: 'upload',
      mimetype: 'application/jsonl',
    });
    const all = fileListSchema.parse((await s.get('/v1/files')).body);
    expect(all).toMatchObject({ object: 'list', total: 2 });
    expect(all.data[0]?.id).toBe(file.id);
    expect(fileListSchema.parse((await s.get('/v1/files?search=my-chats')).body).data.map((f) => f.id)).toEqual([
      file.id,
    ]);
    expect(fileListSchema.parse((await s.get('/v1/files?purpose=batch')).body).total).toBe(0);
    expect(fileListSchema.parse((await s.get('/v1/files?page=1&page_size=1')).body).data).toHaveLength(1);
    expect((await s.get(`/v1/files/${file.id}`)).body).toMatchObject({ id: file.id, deleted: false });
    expect((await s.get('/v1/files/nope')).status).toBe(404);
  });

  test('a bad line → 422 naming the file and line; bad query → 422', async () => {
    const s = setup();
    const res = await upload(s, chat(goodChat) + 'not json\n', 'bad.jsonl');
    expect(res.status).toBe(422);
    expect(detailTextErrorSchema.parse(res.body).detail).toBe('bad.jsonl: line 2: not valid JSON');
    const q = await s.get('/v1/files?page_size=x');
    expect(detailListErrorSchema.parse(q.body).detail[0]?.loc).toEqual(['query', 'page_size']);
  });

  test('missing file field or bad purpose → 422; not multipart → 400', async () => {
    const s = setup();
    const form = new FormData();
    form.append('purpose', 'fine-tune');
    const missing = await s.app.request('/v1/files', { method: 'POST', body: form });
    expect(missing.status).toBe(422);
    expect(detailListErrorSchema.parse(await missing.json()).detail[0]?.loc).toEqual(['body', 'file']);
    const fun = await upload(s, chat(goodChat), 'x.jsonl', 'fun');
    expect(fun.status).toBe(422);
    expect(detailListErrorSchema.parse(fun.body).detail[0]).toMatchObject({
      type: 'enum',
      loc: ['body', 'purpose'],
      msg: "Input should be 'fine-tune', 'batch' or 'ocr'",
      input: 'fun',
    });
    const json = await s.post('/v1/files', { file: 'x' });
    expect([400, 422]).toContain(json.status);
  });

  test('an uploaded file trains like a seeded one; classifier labels become the targets', async () => {
    const s = setup();
    const chatFile = fileSchema.parse((await upload(s, chat(goodChat))).body);
    const clsFile = fileSchema.parse(
      (await upload(s, chat({ text: 'a', labels: { mood: 'happy' } }, { text: 'b', labels: { mood: 'sad' } }))).body,
    );
    const a = jobSchema.parse(
      (
        await s.post('/v1/fine_tuning/jobs', {
          model: 'open-mistral-7b',
          training_files: [{ file_id: chatFile.id }],
          hyperparameters: { training_steps: 3 },
          auto_start: true,
        })
      ).body,
    );
    const b = jobSchema.parse(
      (
        await s.post('/v1/fine_tuning/jobs', {
          model: 'ministral-3b-latest',
          job_type: 'classifier',
          training_files: [{ file_id: clsFile.id }],
          hyperparameters: {},
          auto_start: true,
        })
      ).body,
    );
    s.clock.advance(3_600_000);
    const ja = detailedJobSchema.parse((await s.get(`/v1/fine_tuning/jobs/${a.id}`)).body);
    const jb = detailedJobSchema.parse((await s.get(`/v1/fine_tuning/jobs/${b.id}`)).body);
    expect([ja.status, jb.status]).toEqual(['SUCCESS', 'SUCCESS']);
    expect(ja.checkpoints).toHaveLength(3);
    expect(jb.classifier_targets).toEqual([
      { name: 'mood', labels: ['happy', 'sad'], weight: 1, loss_function: 'single_class' },
    ]);
  });
});
