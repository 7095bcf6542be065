import { createQueryClient } from '../lib/query-client';

/** The app's one cache, shared by route loaders (prefetch) and components (useQuery). */
export const queryClient = createQueryClient();
