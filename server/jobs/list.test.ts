import { describe, expect, test } from 'vitest';
import { detailListErrorSchema } from '../../contract/errors';
import { jobListSchema, jobSchema, jobStatusSchema } from '../../contract/jobs';
import { fineTunable } from '../models/catalog';
import { setup, T0, type Setup } from '../testing';
import { buildJob } from './build';

const JOBS = '/v1/fine_tuning/jobs';
const KEY = 'k'.repeat(40);
const DAY = 86_400_000;

/** Five jobs, one day apart (oldest first): a, b (teammate), c, d, e. */
async function world(s: Setup) {
  const file = s.addFile();
  const ids: string[] = [];
  const make = async (extra: Record<string, unknown>) => {
    const res = await s.post(JOBS, {
      model: 'open-mistral-7b',
      training_files: [{ file_id: file }],
      hyperparameters: { training_steps: 5 },
      ...extra,
    });
    ids.push(jobSchema.parse(res.body).id);
    s.clock.advance(DAY);
  };
  await make({ suffix: 'a', integrations: [{ project: 'alpha', name: 'run-a', api_key: KEY }] });
  // The emulator has one user; a teammate's job is only reachable through the repo (as the seed does).
  const body = {
    model: 'ministral-3b-latest',
    job_type: 'classifier' as const,
    training_files: [{ file_id: file }],
    hyperparameters: {},
    suffix: 'b',
  };
  const teammate = buildJob(body, {
    id: 'teammate-job',
    nowMs: s.clock.now(),
    timeScale: 1,
    createdByMe: false,
    model: fineTunable(body.model, 'classifier')!,
    file: () => undefined,
  });
  s.jobs.insert(teammate);
  ids.push(teammate.id);
  s.clock.advance(DAY);
  await make({
    suffix: 'c',
    model: 'codestral-latest',
    integrations: [{ project: 'alpha', name: 'run-c', api_key: KEY }],
  });
  await make({
    suffix: 'd',
    auto_start: true,
    integrations: [{ project: 'beta', run_name: 'legacy-name', api_key: KEY }],
  });
  await make({ suffix: 'e' });
  return ids;
}
const list = async (s: Setup, query = '') => {
  const res = await s.get(`${JOBS}${query}`);
  expect(res.status).toBe(200);
  return jobListSchema.parse(res.body);
};
const suffixes = async (s: Setup, query: string) => (await list(s, query)).data.map((j) => j.suffix);

describe('GET /v1/fine_tuning/jobs', () => {
  test('newest first, total = all matches, object list', async () => {
    const s = setup();
    await world(s);
    const all = await list(s);
    expect(all.object).toBe('list');
    expect(all.total).toBe(5);
    expect(all.data.map((j) => j.suffix)).toEqual(['e', 'd', 'c', 'b', 'a']);
    all.data.forEach((j) => jobStatusSchema.parse(j.status));
  });

  test('same created_at: the later-created job comes first', async () => {
    const s = setup();
    const file = s.addFile();
    for (const suffix of ['x', 'y', 'z'])
      await s.post(JOBS, {
        model: 'open-mistral-7b',
        training_files: [{ file_id: file }],
        hyperparameters: {},
        suffix,
      });
    expect(await suffixes(s, '')).toEqual(['z', 'y', 'x']);
  });

  test('page and page_size', async () => {
    const s = setup();
    await world(s);
    const page1 = await list(s, '?page=1&page_size=2');
    expect(page1.total).toBe(5);
    expect(page1.data.map((j) => j.suffix)).toEqual(['c', 'b']);
    expect((await list(s, '?page=9&page_size=2')).data).toEqual([]);
  });

  test('every filter', async () => {
    const s = setup();
    await world(s);
    expect(await suffixes(s, '?model=codestral-latest')).toEqual(['c']);
    expect(await suffixes(s, '?suffix=d')).toEqual(['d']);
    expect(await suffixes(s, '?created_by_me=true')).toEqual(['e', 'd', 'c', 'a']);
    expect(await suffixes(s, '?created_by_me=false')).toHaveLength(5);
    expect(await suffixes(s, '?wandb_project=alpha')).toEqual(['c', 'a']);
    expect(await suffixes(s, '?wandb_name=run-a')).toEqual(['a']);
    expect(await suffixes(s, '?wandb_name=legacy-name')).toEqual(['d']);
    const iso = (days: number) => encodeURIComponent(new Date(T0 + days * DAY).toISOString());
    expect(await suffixes(s, `?created_after=${iso(2)}`)).toEqual(['e', 'd', 'c']);
    expect(await suffixes(s, `?created_before=${iso(1)}`)).toEqual(['b', 'a']);
    expect(await suffixes(s, `?created_after=${iso(1)}&created_before=${iso(3)}`)).toEqual(['d', 'c', 'b']);
    s.clock.advance(DAY); // d (auto_start) has finished by now; the others wait at VALIDATED
    expect(await suffixes(s, '?status=SUCCESS')).toEqual(['d']);
    expect(await suffixes(s, '?status=VALIDATED&model=open-mistral-7b')).toEqual(['e', 'a']);
    expect((await list(s, '?status=RUNNING')).total).toBe(0);
  });

  test('invalid parameters → 422 with query locations', async () => {
    const s = setup();
    for (const [query, field, type] of [
      ['?page_size=0', 'page_size', 'greater_than_equal'],
      ['?page_size=abc', 'page_size', 'int_parsing'],
      ['?page_size=5000', 'page_size', 'less_than_equal'],
      ['?page=-1', 'page', 'greater_than_equal'],
      ['?status=DONE', 'status', 'enum'],
      ['?created_by_me=maybe', 'created_by_me', 'enum'],
      ['?created_after=yesterday', 'created_after', 'datetime_from_date_parsing'],
    ] as const) {
      const res = await s.get(`${JOBS}${query}`);
      expect(res.status, query).toBe(422);
      const [item] = detailListErrorSchema.parse(res.body).detail;
      expect(item, query).toMatchObject({ loc: ['query', field], type });
      expect(item?.msg).toEqual(expect.any(String));
    }
  });
});
