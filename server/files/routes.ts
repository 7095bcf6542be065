/** GET/POST /v1/files: the training files a job can name. Uploads are checked line by line. */
import { Hono } from 'hono';
import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { toUnixSeconds } from '../clock';
import { issuesToDetail } from '../../contract/validation';
import type { Env } from '../app';
import { detailError, validationError } from '../http';
import { parseTrainingFile } from './validate';

const queryInt = (min: number, fallback: number) =>
  z._default(
    z.pipe(
      z.string().check(z.regex(/^\d+$/, 'Input should be a valid integer')),
      z.pipe(z.transform(Number), z.int().check(z.gte(min))),
    ),
    fallback,
  );

// The files API has no shared schema in contract/ (the browser only reads files), so it lives here.
const listFilesQuerySchema = z.object({
  page: queryInt(0, 0),
  page_size: queryInt(1, 100),
  purpose: z.optional(z.string()),
  search: z.optional(z.string()),
});

const PURPOSES = new Set(['fine-tune', 'batch', 'ocr']);

export const fileRoutes = new Hono<Env>()
  .get('/', (c) => {
    const query = c.req.query();
    const parsed = listFilesQuerySchema.safeParse(query);
    if (!parsed.success) throw validationError(issuesToDetail(parsed.error.issues, query, 'query'));
    return c.json(c.var.files.list(parsed.data));
  })
  .get('/:id', (c) => {
    const file = c.var.files.get(c.req.param('id'));
    if (!file) throw detailError(404, 'File not found.');
    return c.json({ ...file, deleted: false });
  })
  .post('/', async (c) => {
    const form = await c.req.parseBody().catch(() => {
      throw detailError(400, 'Expected a multipart/form-data body with a "file" field.');
    });
    const file = form.file;
    if (!(file instanceof File)) {
      throw validationError([{ type: 'missing', loc: ['body', 'file'], msg: 'Field required' }]);
    }
    const purpose = typeof form.purpose === 'string' && form.purpose !== '' ? form.purpose : 'fine-tune';
    if (!PURPOSES.has(purpose)) {
      throw validationError([
        {
          type: 'enum',
          loc: ['body', 'purpose'],
          msg: "Input should be 'fine-tune', 'batch' or 'ocr'",
          input: purpose,
        },
      ]);
    }
    const content = Buffer.from(await file.arrayBuffer());
    const parsed = parseTrainingFile(content.toString('utf8'));
    if (!parsed.ok) throw detailError(422, `${file.name}: ${parsed.detail}`);
    const { ok: _ok, ...facts } = parsed;
    return c.json(
      c.var.files.insert({
        id: randomUUID(),
        filename: file.name,
        bytes: content.byteLength,
        createdAt: toUnixSeconds(c.var.clock.now()),
        purpose,
        mimetype: file.type || 'application/jsonl',
        content,
        parsed: facts,
      }),
    );
  });
