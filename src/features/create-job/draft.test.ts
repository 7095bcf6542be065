// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DRAFT_KEY, parseDraft, readDraft, useDraftAutosave, writeDraft } from './draft';
import { defaultValues, type FormValues } from './form-state';

const KEY = 'k'.repeat(40);
const withSecrets = (): FormValues => ({
  ...defaultValues(),
  model: 'open-mistral-7b',
  integrations: [{ project: 'p', name: '', run_name: '', api_key: KEY }],
  repositories: [{ owner: 'o', name: 'n', ref: '', token: 'ghp_secret', weight: '1' }],
});

beforeEach(() => localStorage.clear());
afterEach(() => vi.useRealTimers());

describe('draft storage', () => {
  it('restores what was typed but never stores the W&B key or GitHub token', () => {
    writeDraft(withSecrets());
    const raw = localStorage.getItem(DRAFT_KEY) ?? '';
    expect(raw).not.toContain(KEY);
    expect(raw).not.toContain('ghp_secret');
    const back = readDraft();
    expect(back?.model).toBe('open-mistral-7b');
    expect(back?.integrations[0]).toEqual({ project: 'p', name: '', run_name: '', api_key: '' });
    expect(back?.repositories[0]?.token).toBe('');
  });

  it('drops secrets even from a draft that holds them (written by hand or by an old build)', () => {
    const stored = JSON.stringify(withSecrets());
    expect(parseDraft(stored)?.integrations[0].api_key).toBe('');
  });

  it('ignores broken JSON and repairs a draft of another shape field by field', () => {
    expect(parseDraft('{nope')).toBeNull();
    const v = parseDraft(
      JSON.stringify({
        model: 'm',
        job_type: 'regression',
        suffix: 7,
        training_files: [],
        hyperparameters: { epochs: '2', bogus: 'x' },
      }),
    );
    expect(v).toMatchObject({ model: 'm', job_type: 'completion', suffix: '' });
    expect(v?.training_files).toEqual([{ file_id: '', weight: '1' }]);
    expect(v?.hyperparameters).toEqual({ ...defaultValues().hyperparameters, epochs: '2' });
  });
});

describe('useDraftAutosave', () => {
  it('saves shortly after a change, and stop() clears the draft for good', () => {
    vi.useFakeTimers();
    const { result, rerender } = renderHook(({ v }) => useDraftAutosave(v), { initialProps: { v: defaultValues() } });
    rerender({ v: { ...defaultValues(), model: 'typed' } });
    expect(readDraft()).toBeNull();
    act(() => void vi.advanceTimersByTime(1000));
    expect(readDraft()?.model).toBe('typed');

    rerender({ v: { ...defaultValues(), model: 'typed more' } });
    act(() => result.current.stop());
    act(() => void vi.advanceTimersByTime(1000));
    expect(readDraft()).toBeNull();
  });

  it('saves at once when the page is hidden (a reload right after typing)', () => {
    vi.useFakeTimers();
    const { rerender } = renderHook(({ v }) => useDraftAutosave(v), { initialProps: { v: defaultValues() } });
    rerender({ v: { ...defaultValues(), suffix: 'quick' } });
    window.dispatchEvent(new Event('pagehide'));
    expect(readDraft()?.suffix).toBe('quick');
  });
});
