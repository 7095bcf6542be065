/**
 * Invalid create bodies and list queries, one row each: the status, and for 422 lists the first
 * item's `loc` and `type`. Like pydantic with `extra="forbid"`, the emulator refuses unknown
 * fields at every level [inferred: Mistral's 422s show `extra_forbidden`, shared/api §5].
 */
import { describe, expect, it } from 'vitest';
import { detailListErrorSchema, detailTextErrorSchema } from '../../contract/errors';
import { jobListSchema } from '../../contract/jobs';
import { MAX_JSON_BYTES } from '../app';
import { setup } from '../testing';
import { fieldKey } from '../../contract/job-in-fields';

const JOBS = '/v1/fine_tuning/jobs';
const valid = { model: 'open-mistral-7b', training_files: [{ file_id: 'f1' }], hyperparameters: {} };
const KEY = 'k'.repeat(40);
const hp = (hyperparameters: Record<string, unknown>) => ({ ...valid, hyperparameters });
const classifier = { ...valid, model: 'ministral-3b-latest', job_type: 'classifier' };
const target = { name: 't', labels: ['a', 'b'] };

const BODY_422: [string, unknown, string, string][] = [
  ['model is a number', { ...valid, model: 1 }, 'body.model', 'string_type'],
  ['model is null', { ...valid, model: null }, 'body.model', 'string_type'],
  ['model is empty', { ...valid, model: '' }, 'body.model', 'string_too_short'],
  ['model is missing', { training_files: valid.training_files, hyperparameters: {} }, 'body.model', 'missing'],
  ['training_files is a string', { ...valid, training_files: 'x' }, 'body.training_files', 'list_type'],
  ['training file is a bare id', { ...valid, training_files: ['f1'] }, 'body.training_files.0', 'model_type'],
  [
    'training file weight 0',
    { ...valid, training_files: [{ file_id: 'f1', weight: 0 }] },
    'body.training_files.0.weight',
    'greater_than',
  ],
  [
    'duplicate training files',
    { ...valid, training_files: [{ file_id: 'f1' }, { file_id: 'f1' }] },
    'body.training_files.1.file_id',
    'value_error',
  ],
  ['no training data at all', { ...valid, training_files: [] }, 'body.job_in', 'value_error'],
  ['hyperparameters is a list', { ...valid, hyperparameters: [] }, 'body.hyperparameters', 'model_type'],
  [
    'hyperparameters is missing',
    { model: valid.model, training_files: valid.training_files },
    'body.hyperparameters',
    'missing',
  ],
  ['learning_rate 0', hp({ learning_rate: 0 }), 'body.hyperparameters.learning_rate', 'greater_than_equal'],
  ['learning_rate 2', hp({ learning_rate: 2 }), 'body.hyperparameters.learning_rate', 'less_than_equal'],
  ['learning_rate is a string', hp({ learning_rate: '1e-4' }), 'body.hyperparameters.learning_rate', 'float_type'],
  ['training_steps 0', hp({ training_steps: 0 }), 'body.hyperparameters.training_steps', 'greater_than_equal'],
  ['training_steps 1.5', hp({ training_steps: 1.5 }), 'body.hyperparameters.training_steps', 'int_type'],
  [
    'training_steps 2^53 - 1',
    hp({ training_steps: Number.MAX_SAFE_INTEGER }),
    'body.hyperparameters.training_steps',
    'less_than_equal',
  ],
  ['epochs 1e300', hp({ epochs: 1e300 }), 'body.hyperparameters.epochs', 'less_than_equal'],
  ['weight_decay -0.1', hp({ weight_decay: -0.1 }), 'body.hyperparameters.weight_decay', 'greater_than_equal'],
  ['weight_decay 1.1', hp({ weight_decay: 1.1 }), 'body.hyperparameters.weight_decay', 'less_than_equal'],
  ['warmup_fraction 2', hp({ warmup_fraction: 2 }), 'body.hyperparameters.warmup_fraction', 'less_than_equal'],
  ['epochs 0', hp({ epochs: 0 }), 'body.hyperparameters.epochs', 'greater_than'],
  ['seq_len 99', hp({ seq_len: 99 }), 'body.hyperparameters.seq_len', 'greater_than_equal'],
  ['fim_ratio 1.5', hp({ fim_ratio: 1.5 }), 'body.hyperparameters.fim_ratio', 'less_than_equal'],
  ['unknown hyperparameter', hp({ dropout: 0.1 }), 'body.hyperparameters.dropout', 'extra_forbidden'],
  ['unknown top-level field', { ...valid, colour: 'red' }, 'body.colour', 'extra_forbidden'],
  ['unknown job_type', { ...valid, job_type: 'embedding' }, 'body.job_type', 'enum'],
  ['suffix of 19 characters', { ...valid, suffix: 'x'.repeat(19) }, 'body.suffix', 'string_too_long'],
  ['auto_start is a string', { ...valid, auto_start: 'yes' }, 'body.auto_start', 'bool_type'],
  [
    'invalid_sample_skip_percentage 0.6',
    { ...valid, invalid_sample_skip_percentage: 0.6 },
    'body.invalid_sample_skip_percentage',
    'less_than_equal',
  ],
  [
    'W&B key of 39 characters',
    { ...valid, integrations: [{ project: 'p', api_key: 'k'.repeat(39) }] },
    'body.integrations.0.api_key',
    'string_too_short',
  ],
  ['W&B without project', { ...valid, integrations: [{ api_key: KEY }] }, 'body.integrations.0.project', 'missing'],
  [
    'W&B of another type',
    { ...valid, integrations: [{ type: 'mlflow', project: 'p', api_key: KEY }] },
    'body.integrations.0.type',
    'literal_error',
  ],
  [
    'repository without token',
    { ...valid, repositories: [{ owner: 'o', name: 'r' }] },
    'body.repositories.0.token',
    'missing',
  ],
  [
    'classifier target with empty labels',
    { ...classifier, classifier_targets: [{ name: 't', labels: [] }] },
    'body.classifier_targets.0.labels',
    'too_short',
  ],
  [
    'classifier target with bad loss_function',
    { ...classifier, classifier_targets: [{ ...target, loss_function: 'hinge' }] },
    'body.classifier_targets.0.loss_function',
    'enum',
  ],
  [
    'duplicate classifier target names',
    { ...classifier, classifier_targets: [target, target] },
    'body.classifier_targets.1.name',
    'value_error',
  ],
  [
    'classifier with fim_ratio',
    { ...classifier, hyperparameters: { fim_ratio: 0.5 } },
    'body.hyperparameters.fim_ratio',
    'value_error',
  ],
  [
    'classifier with repositories',
    { ...classifier, repositories: [{ owner: 'o', name: 'r', token: 't' }] },
    'body.repositories',
    'value_error',
  ],
  [
    'classifier targets on a completion job',
    { ...valid, classifier_targets: [target] },
    'body.classifier_targets',
    'value_error',
  ],
  ['a JSON array', [valid], 'body', 'model_type'],
  ['empty body (FastAPI: no body is a missing body)', '', 'body', 'missing'],
  ['not JSON', '{"model": ', 'body.0', 'json_invalid'],
];

const BODY_STRING: [string, unknown, number, string | RegExp][] = [
  [
    'model not available for classifier',
    { ...classifier, model: 'open-mistral-7b' },
    422,
    'Model not available for this type of fine-tuning (classifier).',
  ],
  [
    'unknown model',
    { ...valid, model: 'no-such-model' },
    422,
    'Model not available for this type of fine-tuning (completion).',
  ],
  ['body over 1 MB', { ...valid, suffix: 'x'.repeat(MAX_JSON_BYTES) }, 413, /too large/],
];

const QUERY_422: [string, string][] = [
  ['page=-1', 'page'],
  ['page=1.5', 'page'],
  ['page_size=0', 'page_size'],
  ['page_size=1001', 'page_size'],
  ['page_size=abc', 'page_size'],
  ['status=DONE', 'status'],
  ['created_after=yesterday', 'created_after'],
  ['created_before=2026-01-01', 'created_before'],
  ['created_by_me=maybe', 'created_by_me'],
  ['model=', 'model'],
];

describe('invalid create bodies', () => {
  it.each(BODY_422)('%s → 422 at the field', async (_, body, loc, type) => {
    const s = setup();
    const res = await s.post(JOBS, body);
    expect(res.status).toBe(422);
    expect(res.type).toMatch(/^application\/json/);
    const first = detailListErrorSchema.parse(res.body).detail[0];
    expect({ loc: first?.loc.join('.'), type: first?.type }).toEqual({ loc, type });
    expect(jobListSchema.parse((await s.get(JOBS)).body).total).toBe(0);
    expect(s.errors).toEqual([]);
  });

  it.each(BODY_STRING)('%s → %i with a string detail', async (_, body, status, detail) => {
    const s = setup();
    const res = await s.post(JOBS, body);
    expect(res.status).toBe(status);
    expect(detailTextErrorSchema.parse(res.body).detail).toMatch(detail);
    expect(jobListSchema.parse((await s.get(JOBS)).body).total).toBe(0);
  });
});

describe('invalid list parameters', () => {
  it.each(QUERY_422)('%s → 422 at query.%s', async (query, name) => {
    const res = await setup().get(`${JOBS}?${query}`);
    expect(res.status).toBe(422);
    expect(detailListErrorSchema.parse(res.body).detail).toEqual([expect.objectContaining({ loc: ['query', name] })]);
  });
});

/**
 * The browser's side of the same table: every 422 the API sends for a body lands on the form
 * control of its field (or the closest one), so the user sees it where the mistake is. Only
 * bodies the form never sends (not JSON, not an object, no hyperparameters object, unknown
 * fields, another integration type) fall back to the banner above the form, which a control
 * that does not exist could never show.
 */
describe('each refusal reaches the right form field', () => {
  const ONLY_AS_BANNER = new Set([
    'a JSON array',
    'unknown top-level field',
    'unknown hyperparameter',
    'hyperparameters is a list',
    'hyperparameters is missing',
    'W&B of another type',
    'empty body (FastAPI: no body is a missing body)',
    'not JSON',
  ]);
  it.each(BODY_422)('%s', async (name, body, loc) => {
    const res = await setup().post(JOBS, body);
    const first = detailListErrorSchema.parse(res.body).detail[0]!;
    const field = fieldKey(first.loc);
    if (ONLY_AS_BANNER.has(name)) return expect(field).toBeNull();
    // The API reports "no training data" on the whole body; the form shows it at the training files.
    const path = loc === 'body.job_in' ? 'training_files' : loc.replace(/^body\./, '');
    expect(field).not.toBeNull();
    expect(path.startsWith(field!) || field!.startsWith(path), `${path} shown at ${field}`).toBe(true);
  });
});
