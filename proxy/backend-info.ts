/**
 * `/_dashboard/backend`, answered the same way by the dev/preview plugin and the production server
 * so the page's badge cannot tell them apart, and neither can leak more than `describeUpstream`.
 */
import { describeUpstream, type Upstream } from './config.ts';

export const BACKEND_INFO_PATH = '/_dashboard/backend';

export function backendInfoResponse(upstream: Upstream) {
  return {
    body: JSON.stringify(describeUpstream(upstream)),
    // The answer changes with the server's environment, never with the request: no caching in between.
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  };
}
