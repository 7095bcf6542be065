import { useQuery } from '@tanstack/react-query';
import { INVALID_SAMPLE_SKIP_RANGE } from '../../../../contract/jobs';
import { describeError } from '../../../lib/api-error';
import { rangeText } from '../format';
import { fileQueries } from '../../files/api/queries';
import { numeric, Section, TextField } from './fields';
import { FileListField } from './file-list-field';
import { useForm } from './form-context';

export function FilesSection() {
  const { values } = useForm();
  const list = useQuery(fileQueries.list());
  // Newest first: a file uploaded a minute ago is the one the user is looking for.
  const files = [...(list.data?.data ?? [])].sort((a, b) => b.created_at - a.created_at);
  // Always one line under the training rows, whatever the list's state, so nothing below moves
  // when the list arrives.
  const note = list.isPending
    ? 'Loading your files…'
    : list.isError
      ? `Could not load your files (${describeError(list.error)}). Upload one or paste its id.`
      : files.length === 0
        ? 'No files yet: upload a JSONL file or paste a file id.'
        : `${files.length === 1 ? 'One file' : `${files.length} files`} to pick from, newest first.`;

  return (
    <Section
      title="Data"
      description={
        values.job_type === 'classifier'
          ? 'JSONL, one {"text": …, "labels": {…}} object per line.'
          : 'JSONL, one {"messages": […]} conversation per line. Weights set how often a file is sampled.'
      }
    >
      <FileListField kind="training_files" files={files} loading={list.isPending} filesNote={note} />
      <FileListField kind="validation_files" files={files} loading={list.isPending} />
      <TextField
        {...numeric}
        path="invalid_sample_skip_percentage"
        className="sm:max-w-xs"
        placeholder="0"
        hint={`Fraction of malformed lines to skip instead of failing validation, ${rangeText(INVALID_SAMPLE_SKIP_RANGE)} (0.05 = 5%).`}
      />
    </Section>
  );
}
