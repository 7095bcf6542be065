import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeDetailedJob } from '../../../test/jobs';
import { DRAFT_KEY, readDraft } from '../../create-job/draft';
import { cloneWithSteps } from './clone-with-steps';

describe('cloneWithSteps', () => {
  const store = new Map<string, string>();
  beforeEach(() => {
    store.clear();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
      removeItem: (k: string) => store.delete(k),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('prefills the form from the job with the new step count, epochs cleared', () => {
    const job = makeDetailedJob({ hyperparameters: { learning_rate: 3e-5, training_steps: 240, epochs: 2.5 } });
    expect(cloneWithSteps(job, 80)).toEqual({ clonedFrom: job.id, replacedDraft: false });
    const draft = readDraft()!;
    expect(draft.model).toBe(job.model);
    expect(draft.suffix).toBe(job.suffix);
    expect(draft.hyperparameters).toMatchObject({ training_steps: '80', epochs: '', learning_rate: '0.00003' });
  });

  it('says when it replaced an unsent draft', () => {
    store.set(DRAFT_KEY, JSON.stringify({ model: 'mistral-large-latest', suffix: 'mine' }));
    expect(cloneWithSteps(makeDetailedJob(), 80).replacedDraft).toBe(true);
  });
});
