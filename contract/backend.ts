/** What the dashboard's own server tells the page about the API behind `/v1` (never the key). */
import * as z from 'zod/mini';

export const backendInfoSchema = z.object({
  kind: z.enum(['emulator', 'mistral', 'custom']),
  target: z.string(),
  authenticated: z.boolean(),
});
export type BackendInfo = z.infer<typeof backendInfoSchema>;
export type BackendKind = BackendInfo['kind'];
