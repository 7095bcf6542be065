import { describe, expect, test } from 'vitest';
import { setup } from './testing';

describe('app', () => {
  test('GET /healthz', async () => {
    expect((await setup().get('/healthz')).body).toEqual({ status: 'ok' });
  });

  test('unknown route → 404 JSON "Not Found"', async () => {
    const s = setup();
    for (const res of [await s.get('/nope'), await s.get('/v1/fine_tuning'), await s.post('/v1/models')]) {
      expect(res.status).toBe(404);
      expect(res.type).toMatch(/^application\/json/);
      expect(res.body).toEqual({ detail: 'Not Found' });
    }
  });

  test('any Bearer token or none is accepted by default', async () => {
    const s = setup();
    expect((await s.get('/v1/fine_tuning/jobs')).status).toBe(200);
    expect(
      (await s.app.request('/v1/fine_tuning/jobs', { headers: { authorization: 'Bearer whatever' } })).status,
    ).toBe(200);
  });

  test('with requireKey, /v1 without a Bearer token → 401 gateway-style', async () => {
    const s = setup({ requireKey: true });
    const res = await s.get('/v1/fine_tuning/jobs');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      message: 'Unauthorized',
      request_id: expect.stringMatching(/^[0-9a-f]{32}$/) as string,
    });
    expect((await s.app.request('/v1/fine_tuning/jobs', { headers: { authorization: 'Bearer k' } })).status).toBe(200);
    expect((await s.get('/healthz')).status).toBe(200);
  });

  test('an unexpected error → 500 JSON, logged', async () => {
    const s = setup();
    s.closeDb();
    const res = await s.get('/v1/fine_tuning/jobs');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ detail: 'Internal Server Error' });
    expect(s.errors).toHaveLength(1);
  });
});
