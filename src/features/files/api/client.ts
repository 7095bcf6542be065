/**
 * The files and models endpoints the create form needs. Kept out of the core client so their
 * schemas load with the form, not with the list page.
 */
import { fileListSchema, fileSchema } from '../../../../contract/files';
import { modelListSchema } from '../../../../contract/models';
import { api } from '../../../lib/api-client';

export const filesApi = {
  listFiles: (signal?: AbortSignal) =>
    api.call('/files?page_size=1000&purpose=fine-tune', fileListSchema, { signal, retry: true }),
  uploadFile: (file: File) => {
    const form = new FormData();
    form.set('purpose', 'fine-tune');
    form.set('file', file, file.name);
    return api.call('/files', fileSchema, { method: 'POST', body: form, retry: false });
  },
  listModels: (signal?: AbortSignal) => api.call('/models', modelListSchema, { signal, retry: true }),
};
