import { queryOptions } from '@tanstack/react-query';
import { backendInfoSchema } from '../../contract/backend';
import { BACKEND_INFO_PATH } from '../../contract/backend-path';

/** Which backend sits behind `/v1`, asked once a page load: the header's badge and the model pages share it. */
export const backendQuery = queryOptions({
  queryKey: ['backend'],
  queryFn: async ({ signal }) => backendInfoSchema.parse(await (await fetch(BACKEND_INFO_PATH, { signal })).json()),
  staleTime: Infinity,
});
