import { describe, expect, it } from 'vitest';
import { detailedJobSchema, jobSchema } from '../../contract/jobs';
import { checkpointsAt, makeDetailedJob, makeJob } from './jobs';

describe('the test jobs', () => {
  it('are jobs the contract accepts as they are, so no test starts from an answer the API cannot give', () => {
    expect(jobSchema.parse(makeJob())).toEqual(makeJob());
    const detailed = makeDetailedJob({ checkpoints: checkpointsAt([1, 2], 1_700_000_000, 30) });
    expect(detailedJobSchema.parse(detailed)).toEqual(detailed);
  });
});
