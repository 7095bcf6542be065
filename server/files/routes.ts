/** GET/POST /v1/files: the training files a job can name. Uploads are checked line by line. */
import { Hono } from 'hono';
import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { listFilesQuerySchema, TRAINING_FILE_PURPOSE, uploadPurposeSchema } from '../../contract/files';
import { toUnixSeconds } from '../clock';
import type { Env } from '../env';
import { detailError, validated, validationError } from '../http';
import { parseTrainingFile } from './validate';

/** The upload's form fields besides the file itself. */
const uploadFieldsSchema = z.object({ purpose: uploadPurposeSchema });

export const fileRoutes = new Hono<Env>()
  .get('/', (c) => {
    return c.json(c.var.files.list(validated(listFilesQuerySchema, c.req.query(), 'query')));
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
    const fields = {
      purpose: typeof form.purpose === 'string' && form.purpose !== '' ? form.purpose : TRAINING_FILE_PURPOSE,
    };
    const { purpose } = validated(uploadFieldsSchema, fields, 'body');
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
