// @vitest-environment jsdom
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { NOTES_FORMAT, notesFileSchema, type JobNote } from '../../../contract/notes';
import { NOTES_STORAGE_KEY } from './storage-key';
import { deleteView, notesState, renameView, saveNote, saveView, tagCounts, taggedJobs } from './store';
import { NOTES_UNREADABLE_KEY, readStored, serialize, unreadableCount } from './stored';
import { describeImport, exportText, importText, mergeFile, parseFile } from './transfer';

const note = (over: Partial<JobNote> = {}): JobNote => ({ note: 'n', tags: [], updatedAt: 1000, ...over });
const stored = () => JSON.parse(localStorage.getItem(NOTES_STORAGE_KEY) ?? 'null') as unknown;
const file = (over: object = {}) => JSON.stringify({ format: NOTES_FORMAT, version: 1, notes: {}, views: [], ...over });

beforeEach(() => {
  localStorage.clear();
  // As a clear in another tab would: the store's copy follows.
  window.dispatchEvent(new StorageEvent('storage', { key: null }));
});

describe('reading what is stored', () => {
  test('one bad entry is set aside; the good ones are read, and the bad one is written back as it was', () => {
    const text = JSON.stringify({
      notes: { good: note({ tags: ['prod'] }), bad: { note: 42 }, 'bad-tag': note({ tags: ['Has Space'] }) },
      views: [{ id: 'v', name: 'Mine', search: 'created_by_me=true', createdAt: 1 }, { name: '' }],
    });
    const state = readStored(text);
    expect(Object.keys(state.notes)).toEqual(['good']);
    expect(state.views.map((v) => v.name)).toEqual(['Mine']);
    expect(unreadableCount(state)).toBe(3);
    const back = JSON.parse(serialize(state)) as { notes: Record<string, unknown>; views: unknown[] };
    expect(back.notes.bad).toEqual({ note: 42 });
    expect(back.views).toContainEqual({ name: '' });
  });

  test.each([['{"notes": {'], ['null'], ['[1, 2]'], ['"text"'], ['{"notes": [1]}']])(
    'a stored %s reads as nothing to show, and is kept aside before the first write over it',
    (text) => {
      const state = readStored(text);
      expect(state.notes).toEqual({});
      expect(state.corrupt).toBe(text);
      localStorage.setItem(NOTES_STORAGE_KEY, text);
      expect(saveNote('job-1', 'run', () => ({ note: 'hello', tags: [] }))).toEqual({ ok: true });
      expect(localStorage.getItem(NOTES_UNREADABLE_KEY)).toBe(text);
      expect(readStored(localStorage.getItem(NOTES_STORAGE_KEY)).notes['job-1']?.note).toBe('hello');
    },
  );
});

describe('writing', () => {
  test('a write starts from what is stored now: a tag added in another tab is kept', () => {
    saveNote('a', 'run a', () => ({ note: 'first', tags: [] }));
    // Another tab (its own copy of the store) adds a tag; this tab has not heard of it yet.
    const other = readStored(localStorage.getItem(NOTES_STORAGE_KEY));
    localStorage.setItem(
      NOTES_STORAGE_KEY,
      serialize({ ...other, notes: { a: { ...other.notes.a!, tags: ['baseline'] } } }),
    );
    saveNote('a', 'run a', (n) => ({ ...n, note: 'second' }));
    expect(notesState().notes.a).toMatchObject({ note: 'second', tags: ['baseline'], title: 'run a' });
  });

  test('a job left with no note and no tags is forgotten', () => {
    saveNote('a', 'run', () => ({ note: 'x', tags: ['t'] }));
    saveNote('a', 'run', () => ({ note: '  ', tags: [] }));
    expect(notesState().notes).toEqual({});
  });

  test('a full storage changes nothing and says so', () => {
    saveNote('a', 'run', () => ({ note: 'kept', tags: [] }));
    const before = localStorage.getItem(NOTES_STORAGE_KEY);
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const result = saveNote('a', 'run', () => ({ note: 'lost?', tags: [] }));
    expect(result).toEqual({
      ok: false,
      message: expect.stringMatching(/storage for the dashboard is full/) as string,
    });
    expect(notesState().notes.a?.note).toBe('kept');
    expect(localStorage.getItem(NOTES_STORAGE_KEY)).toBe(before);
  });

  test('what the schema refuses is not stored', () => {
    const result = saveNote('a', 'run', () => ({ note: '', tags: ['Not Normal'] }));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/lower case/) as string });
    expect(notesState().notes).toEqual({});
  });

  test('views: named, renamed, deleted; names are unique', () => {
    expect(saveView('Running', 'status=RUNNING')).toEqual({ ok: true });
    expect(saveView(' running ', 'status=QUEUED')).toMatchObject({
      ok: false,
      message: 'A view is already named “running”.',
    });
    expect(saveView('   ', 'status=QUEUED')).toMatchObject({ ok: false, message: 'a view needs a name.' });
    const id = notesState().views[0]!.id;
    expect(renameView(id, 'Training now')).toEqual({ ok: true });
    expect(notesState().views.map((v) => v.name)).toEqual(['Training now']);
    expect(deleteView(id)).toEqual({ ok: true });
    expect(notesState().views).toEqual([]);
  });

  test('tags in use and the jobs that carry one', () => {
    saveNote('a', 'run a', () => ({ note: '', tags: ['prod', 'baseline'] }));
    saveNote('b', 'run b', () => ({ note: '', tags: ['prod'] }));
    expect(tagCounts(notesState())).toEqual([
      ['baseline', 1],
      ['prod', 2],
    ]);
    expect(taggedJobs(notesState(), 'prod')).toEqual([
      { id: 'a', title: 'run a' },
      { id: 'b', title: 'run b' },
    ]);
  });
});

describe('export and import', () => {
  test('an export parses back with the schema, and imports into an empty browser as it was', () => {
    saveNote('a', 'run a', () => ({ note: 'why this run', tags: ['prod'] }));
    saveView('Prod', 'tag=prod');
    const text = exportText(notesState(), new Date('2026-01-02T03:04:05Z'));
    const parsed = notesFileSchema.parse(JSON.parse(text));
    expect(parsed.exportedAt).toBe('2026-01-02T03:04:05.000Z');
    const exported = notesState();

    localStorage.clear();
    const result = importText(text);
    expect(result).toEqual({
      ok: true,
      summary: { added: 1, replaced: 0, keptHere: 0, viewsAdded: 1, viewsSkipped: 0 },
    });
    expect(notesState().notes).toEqual(exported.notes);
    expect(notesState().views).toEqual(exported.views);
  });

  test('merge: adds what is missing, the newer note of a job wins, views with the same filters are not doubled', () => {
    const here = readStored(
      JSON.stringify({
        notes: { old: note({ note: 'old here', updatedAt: 1 }), newer: note({ note: 'newer here', updatedAt: 9 }) },
        views: [{ id: 'v1', name: 'Prod', search: 'tag=prod', createdAt: 1 }],
      }),
    );
    const incoming = notesFileSchema.parse(
      JSON.parse(
        file({
          notes: {
            old: note({ note: 'from file', updatedAt: 5 }),
            newer: note({ note: 'older in file', updatedAt: 5 }),
            fresh: note({ note: 'only in file' }),
          },
          views: [
            { id: 'v1', name: 'Same filters', search: 'tag=prod', createdAt: 2 },
            { id: 'v1', name: 'prod', search: 'status=FAILED', createdAt: 3 },
          ],
        }),
      ),
    );
    const { next, summary } = mergeFile(here, incoming);
    expect(summary).toEqual({ added: 1, replaced: 1, keptHere: 1, viewsAdded: 1, viewsSkipped: 1 });
    expect(next.notes.old?.note).toBe('from file');
    expect(next.notes.newer?.note).toBe('newer here');
    expect(next.notes.fresh?.note).toBe('only in file');
    const added = next.views[1]!;
    expect(added.name).toBe('prod (2)');
    expect(added.id).not.toBe('v1');
    expect(describeImport(summary)).toBe(
      'Imported 2 notes (1 replaced an older one) and 1 view; 1 note kept as it was here, being newer; 1 view already here.',
    );
  });

  test.each([
    ['not JSON', '{oops', /^This file is not JSON/],
    ['another format', JSON.stringify({ notes: {} }), /not a notes file of this dashboard/],
    [
      'a bad entry',
      file({ notes: { 'ftjob-1': note({ tags: ['ok', 7] as never }) } }),
      /^This file has a problem, so nothing was imported: notes\["ftjob-1"\]\.tags\[1\]: Input should be a valid string\.$/,
    ],
    ['of an unknown version', file({ version: 2 }), /^This file is of version 2; this dashboard reads version 1\.$/],
  ])('a file that is %s is refused whole, with what is wrong, and nothing stored is lost', (_, text, message) => {
    saveNote('kept', 'run', () => ({ note: 'still here', tags: [] }));
    const before = localStorage.getItem(NOTES_STORAGE_KEY);
    const result = importText(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
    expect(localStorage.getItem(NOTES_STORAGE_KEY)).toBe(before);
    expect(parseFile(text).ok).toBe(false);
  });

  test('another tab’s change arrives as a storage event', () => {
    const other = serialize({ ...readStored(null), notes: { z: note({ note: 'from the other tab' }) } });
    localStorage.setItem(NOTES_STORAGE_KEY, other);
    window.dispatchEvent(new StorageEvent('storage', { key: NOTES_STORAGE_KEY, newValue: other }));
    expect(notesState().notes.z?.note).toBe('from the other tab');
    expect(stored()).toMatchObject({ format: NOTES_FORMAT });
  });
});
