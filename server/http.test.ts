/**
 * How the emulator reads a JSON body: only under a JSON media type (as FastAPI does since it
 * checks Content-Type strictly), never deeper than a create body can be, and always answered
 * as a well-formed 422 without the server falling over.
 */
import { describe, expect, it } from 'vitest';
import { detailListErrorSchema } from '../contract/errors';
import { jobListSchema, jobSchema } from '../contract/jobs';
import { MAX_JSON_DEPTH } from './http';
import { setup, type Setup } from './testing';

const JOBS = '/v1/fine_tuning/jobs';
const CONTROL = '/_emulator/faults';

const send = async (s: Setup, path: string, body: BodyInit | undefined, headers: Record<string, string> = {}) => {
  const res = await s.app.request(path, { method: 'POST', body, headers });
  return { status: res.status, body: (await res.json()) as unknown };
};
const createBody = (s: Setup) =>
  JSON.stringify({ model: 'open-mistral-7b', training_files: [{ file_id: s.addFile() }], hyperparameters: {} });
const total = async (s: Setup) => jobListSchema.parse((await s.get(JOBS)).body).total;

describe('a body nested deeper than any create body', () => {
  const nested = (depth: number, inner = '1') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
  const shapes: [string, (depth: number) => string][] = [
    ['as the whole body', (d) => nested(d)],
    ['in a known field', (d) => `{"model": ${nested(d)}}`],
    ['in an unknown field', (d) => `{"colour": ${nested(d)}}`],
    ['in the hyperparameters', (d) => `{"model": "m", "hyperparameters": ${'{"a": '.repeat(d)}1${'}'.repeat(d)}}`],
  ];

  it.each(shapes)('%s: 5,000 deep is a 422 json_invalid, and the server goes on serving', async (_, make) => {
    const s = setup();
    const res = await send(s, JOBS, make(5000), { 'content-type': 'application/json' });
    expect(res.status).toBe(422);
    const [item, ...rest] = detailListErrorSchema.parse(res.body).detail;
    expect(rest).toEqual([]);
    expect(item).toMatchObject({ type: 'json_invalid', loc: ['body', expect.any(Number)], msg: 'JSON decode error' });
    expect(item?.ctx?.error).toMatch(/nested too deeply/);
    expect(JSON.stringify(res.body).length).toBeLessThan(500);
    expect(s.errors).toEqual([]);
    expect(
      jobSchema.parse((await send(s, JOBS, createBody(s), { 'content-type': 'application/json' })).body),
    ).toBeTruthy();
  });

  it('the limit itself still parses: the 422 is about the fields, not the JSON', async () => {
    const s = setup();
    // MAX_JSON_DEPTH levels in all: the object itself, then arrays inside `model`.
    const res = await send(s, JOBS, `{"model": ${nested(MAX_JSON_DEPTH - 1)}}`, { 'content-type': 'application/json' });
    expect(res.status).toBe(422);
    expect(detailListErrorSchema.parse(res.body).detail[0]).toMatchObject({
      type: 'string_type',
      loc: ['body', 'model'],
    });
    const over = await send(s, JOBS, `{"model": ${nested(MAX_JSON_DEPTH)}}`, { 'content-type': 'application/json' });
    expect(detailListErrorSchema.parse(over.body).detail[0]?.type).toBe('json_invalid');
  });

  it('brackets inside strings do not count', async () => {
    const s = setup();
    const suffix = '[{'.repeat(5);
    const body = JSON.stringify({ ...(JSON.parse(createBody(s)) as object), suffix, validation_files: ['[[[[[[[['] });
    const res = await send(s, JOBS, body.replace('"suffix"', '"su\\"[ffix"'), { 'content-type': 'application/json' });
    expect(detailListErrorSchema.parse(res.body).detail[0]).toMatchObject({
      type: 'extra_forbidden',
      loc: ['body', 'su"[ffix'],
    });
  });
});

describe('only a JSON media type is read as JSON', () => {
  it.each([
    ['text/plain (a no-cors fetch with a string body)', { 'content-type': 'text/plain;charset=UTF-8' }],
    ['no content type (a no-cors fetch with a Blob body)', {}],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['multipart', { 'content-type': 'multipart/form-data; boundary=x' }],
    ['a malformed type', { 'content-type': 'json' }],
    ['a lookalike', { 'content-type': 'application/jsonx' }],
  ])('%s → 422 model_attributes_type on the body, and no job', async (_, headers: Record<string, string>) => {
    const s = setup();
    const body = createBody(s);
    // A Blob without a type is what a page sends to get past CORS with no Content-Type at all.
    const res = await send(s, JOBS, 'content-type' in headers ? body : new Blob([body]), headers);
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      detail: [
        {
          type: 'model_attributes_type',
          loc: ['body'],
          msg: 'Input should be a valid dictionary or object to extract fields from',
          input: body,
        },
      ],
    });
    expect(await total(s)).toBe(0);
  });

  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON', 'application/vnd.api+json'])(
    '%s is JSON',
    async (type) => {
      const s = setup();
      const res = await send(s, JOBS, createBody(s), { 'content-type': type });
      expect(res.status).toBe(200);
      expect(await total(s)).toBe(1);
    },
  );

  it('an empty body under any type is a missing body, as before', async () => {
    const s = setup();
    const res = await send(s, JOBS, '', { 'content-type': 'text/plain' });
    expect(res.status).toBe(422);
    expect(detailListErrorSchema.parse(res.body).detail[0]).toMatchObject({ type: 'missing', loc: ['body'] });
  });

  it('start and cancel need no body and no content type', async () => {
    const s = setup();
    const { id } = jobSchema.parse((await send(s, JOBS, createBody(s), { 'content-type': 'application/json' })).body);
    s.clock.advance(60_000);
    expect((await s.app.request(`${JOBS}/${id}/start`, { method: 'POST' })).status).toBe(200);
    expect((await s.app.request(`${JOBS}/${id}/cancel`, { method: 'POST' })).status).toBe(200);
  });

  it('the fault control endpoint is guarded the same way', async () => {
    const s = setup({ faults: { control: true } });
    const rules = JSON.stringify({ rules: [{ path: JOBS, fault: '503' }] });
    expect((await send(s, CONTROL, rules, { 'content-type': 'text/plain' })).status).toBe(422);
    expect((await s.get(JOBS)).status).toBe(200);
    expect((await send(s, CONTROL, rules, { 'content-type': 'application/json' })).status).toBe(200);
    expect((await s.get(JOBS)).status).toBe(503);
  });
});
