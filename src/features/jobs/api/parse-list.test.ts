import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../lib/api-client';
import { ContractError } from '../../../lib/api-error';
import { jsonResponse } from '../../../test/fetch';
import { makeDetailedJob, makeJob } from '../../../test/jobs';
import { readJobLeniently } from './parse-list';

const job = makeJob({ id: 'j1', object: 'job', status: 'RUNNING', suffix: 'intent' });
const { created_at: _, ...withoutCreated } = job;

const listOf = (body: unknown) => {
  const fetch = vi.fn(() => Promise.resolve(jsonResponse(200, body)));
  return createApiClient({ fetch, wait: () => Promise.resolve() }).listJobs({ page: 0, page_size: 20 });
};

describe('list answers, job by job', () => {
  it('keeps the valid jobs and names each broken one by index, id and first wrong field', async () => {
    const list = await listOf({
      object: 'list',
      total: 5,
      data: [job, withoutCreated, { ...job, id: 'j3', metadata: { cost: 'free' } }, { status: 'RUNNING' }, 'not a job'],
    });
    expect(list.total).toBe(5);
    expect(list.data.map((j) => j.id)).toEqual(['j1']);
    expect(list.broken).toEqual([
      { index: 1, id: 'j1', field: 'created_at', message: 'Field required' },
      { index: 2, id: 'j3', field: 'metadata.cost', message: 'Input should be a valid number' },
      { index: 3, field: 'id', message: 'Field required' },
      { index: 4, field: '(root)', message: 'Input should be a valid dictionary or object' },
    ]);
  });

  it('a number the browser cannot hold exactly breaks only its job', async () => {
    const list = await listOf({ object: 'list', total: 2, data: [job, { ...job, id: 'j2', trained_tokens: 2 ** 53 }] });
    expect(list.data).toHaveLength(1);
    expect(list.broken).toEqual([expect.objectContaining({ index: 1, id: 'j2', field: 'trained_tokens' })]);
  });

  it('a good answer has no broken jobs', async () => {
    const list = await listOf({ object: 'list', total: 1, data: [job] });
    expect(list.broken).toEqual([]);
    expect(list.data[0]).toMatchObject({ id: 'j1', suffix: 'intent' });
  });

  it('still refuses an envelope that breaks the contract, naming the field', async () => {
    const error = await listOf({ object: 'list', total: 1, data: 'nope' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).path).toBe('data');
    const noTotal = await listOf({ object: 'list', data: [job] }).catch((e: unknown) => e);
    expect((noTotal as ContractError).path).toBe('total');
  });
});

describe('a job answer read leniently', () => {
  const detailed = makeDetailedJob(job);

  it('keeps every field that is right and names the first that is not', async () => {
    const read = await readJobLeniently({ ...detailed, created_at: undefined, modified_at: 'soon' });
    expect(read?.issue).toEqual({ field: 'created_at', message: 'Field required' });
    expect(read?.job).toMatchObject({ id: 'j1', status: 'RUNNING', model: 'open-mistral-7b', suffix: 'intent' });
    expect(read?.job).not.toHaveProperty('created_at');
    expect(read?.job).not.toHaveProperty('modified_at');
  });

  it('a valid answer comes back whole with no issue', async () => {
    const read = await readJobLeniently(detailed);
    expect(read).toEqual({ job: detailed });
  });

  it('is null when not even the id can be read', async () => {
    expect(await readJobLeniently({ object: 'list', data: [] })).toBeNull();
    expect(await readJobLeniently([detailed])).toBeNull();
    expect(await readJobLeniently('job')).toBeNull();
  });
});
