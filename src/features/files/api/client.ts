/**
 * The files endpoints the create form needs. Kept out of the core client so their schemas load
 * with the form, not with the list page.
 */
import { fileListSchema, fileSchema, TRAINING_FILE_PURPOSE, type ListFilesQuery } from '../../../../contract/files';
import { api } from '../../../lib/api-client';

/** Every training file at once: the form offers them all in one list. */
export const TRAINING_FILES_QUERY = {
  page_size: 1000,
  purpose: TRAINING_FILE_PURPOSE,
} as const satisfies Partial<ListFilesQuery>;

export const filesQueryString = (query: Partial<ListFilesQuery>) =>
  new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)])).toString();

export const filesApi = {
  listFiles: (signal?: AbortSignal) =>
    api.call(`/files?${filesQueryString(TRAINING_FILES_QUERY)}`, fileListSchema, { signal, retry: true }),
  uploadFile: (file: File) => {
    const form = new FormData();
    form.set('purpose', TRAINING_FILE_PURPOSE);
    form.set('file', file, file.name);
    return api.call('/files', fileSchema, { method: 'POST', body: form, retry: false });
  },
};
