import { describe, expect, test } from 'vitest';
import { makeJob } from '../../test/jobs';
import { parseCsv } from './csv';
import { EXPORT_PAGE_SIZE, fetchAllJobs, jobsCsv, LIST_CSV_HEADER, listFileName } from './list-export';

const jobs = (n: number, from = 0) => Array.from({ length: n }, (_, i) => makeJob({ id: `job-${from + i}` }));

describe('fetchAllJobs', () => {
  test('reads page after page under the same filters until a short page, telling its progress', async () => {
    const all = jobs(2 * EXPORT_PAGE_SIZE + 5);
    const asked: { page: number; page_size: number; status?: string }[] = [];
    const progress: [number, number][] = [];
    const result = await fetchAllJobs(
      { page: 7, page_size: 20, created_by_me: false, status: 'SUCCESS' },
      { onProgress: (read, total) => progress.push([read, total]) },
      (q) => {
        asked.push(q);
        const data = all.slice(q.page * q.page_size, (q.page + 1) * q.page_size);
        return Promise.resolve({ data, total: all.length });
      },
    );
    expect(result.jobs).toHaveLength(all.length);
    expect(asked.map((q) => [q.page, q.page_size, q.status])).toEqual(
      [0, 1, 2].map((page) => [page, EXPORT_PAGE_SIZE, 'SUCCESS']),
    );
    expect(progress).toEqual([
      [100, 205],
      [200, 205],
      [205, 205],
    ]);
  });

  test('a job created while reading shifts the pages: none is listed twice', async () => {
    let list = jobs(EXPORT_PAGE_SIZE + 10, 1);
    const result = await fetchAllJobs({ page: 0, page_size: 20, created_by_me: false }, {}, (q) => {
      const data = list.slice(q.page * q.page_size, (q.page + 1) * q.page_size);
      // After the first page, a newer job lands at the top.
      if (q.page === 0) list = [makeJob({ id: 'job-new' }), ...list];
      return Promise.resolve({ data, total: list.length });
    });
    expect(new Set(result.jobs.map((j) => j.id)).size).toBe(result.jobs.length);
    expect(result.jobs).toHaveLength(EXPORT_PAGE_SIZE + 10);
  });

  test('Cancel stops the reading', async () => {
    const controller = new AbortController();
    const reading = fetchAllJobs(
      { page: 0, page_size: 20, created_by_me: false },
      { signal: controller.signal },
      () => {
        controller.abort();
        return Promise.resolve({ data: jobs(EXPORT_PAGE_SIZE), total: 1000 });
      },
    );
    await expect(reading).rejects.toThrow();
  });
});

describe('jobsCsv', () => {
  test('quotes, commas and newlines in a suffix survive the round trip; a broken item says what is wrong', () => {
    const suffix = 'say "hi",\nthen go';
    const text = jobsCsv({
      jobs: [makeJob({ id: 'a', suffix })],
      broken: [{ index: 1, id: 'b', field: 'created_at', message: 'Field required' }],
    });
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(LIST_CSV_HEADER);
    expect(rows[1]![0]).toBe('a');
    expect(rows[1]![1]).toBe(suffix);
    expect(rows[2]![0]).toBe('b');
    expect(rows[2]!.at(-1)).toBe('created_at: Field required');
    expect(rows).toHaveLength(3);
  });

  test('the file says what it holds and when', () => {
    const at = new Date('2026-12-03T10:00:00Z');
    expect(listFileName([], at)).toBe('jobs-2026-12-03.csv');
    expect(listFileName(['status-SUCCESS', 'suffix-a b/c'], at)).toBe(
      'jobs-status-SUCCESS-suffix-a-b-c-2026-12-03.csv',
    );
  });
});
