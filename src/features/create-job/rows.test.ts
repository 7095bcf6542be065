import { describe, expect, it } from 'vitest';
import { defaultValues, emptyRepository, type FormValues } from './form-state';
import { addRow, placeFile, removeRow, shiftKey, shiftRows } from './rows';

const repo = (name: string) => ({ ...emptyRepository(), owner: 'o', name });
const form = (patch: Partial<FormValues> = {}): FormValues => ({ ...defaultValues(), ...patch });

describe('row lists', () => {
  it('adds an empty row of the list', () => {
    expect(addRow(form(), 'repositories').repositories).toEqual([emptyRepository()]);
    expect(addRow(form(), 'validation_files').validation_files).toEqual(['', '']);
  });

  it('removes a row; a file list keeps one blank row to choose with', () => {
    const v = form({ repositories: [repo('a'), repo('b')], validation_files: ['v1'] });
    expect(removeRow(v, 'repositories', 0).repositories).toEqual([repo('b')]);
    expect(removeRow(removeRow(v, 'repositories', 0), 'repositories', 0).repositories).toEqual([]);
    expect(removeRow(v, 'validation_files', 0).validation_files).toEqual(['']);
  });

  it('places a file in the first blank row, else a new one, and never twice', () => {
    const v = form({ validation_files: ['v1', ''] });
    expect(placeFile(v, 'validation_files', 'v2').validation_files).toEqual(['v1', 'v2']);
    expect(placeFile(v, 'validation_files', 'v1')).toBe(v);
    const full = form({ training_files: [{ file_id: 'f1', weight: '2' }] });
    expect(placeFile(full, 'training_files', 'f2').training_files).toEqual([
      { file_id: 'f1', weight: '2' },
      { file_id: 'f2', weight: '1' },
    ]);
  });

  it('moves the messages of later rows up with their rows when one is removed', () => {
    expect(shiftKey('repositories.2.name', 'repositories', 1)).toBe('repositories.1.name');
    expect(shiftKey('repositories.1.name', 'repositories', 1)).toBeNull();
    expect(shiftKey('repositories.0.name', 'repositories', 1)).toBe('repositories.0.name');
    expect(shiftKey('repositories', 'repositories', 0)).toBe('repositories');
    expect(shiftKey('training_files.3.file_id', 'repositories', 0)).toBe('training_files.3.file_id');
    expect(
      shiftRows(
        {
          model: 'Field required',
          'repositories.0.owner': 'first',
          'repositories.1.owner': 'second',
          'repositories.2.token': 'third',
        },
        'repositories',
        1,
      ),
    ).toEqual({ model: 'Field required', 'repositories.0.owner': 'first', 'repositories.1.token': 'third' });
  });
});
