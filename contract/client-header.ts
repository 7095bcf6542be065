/**
 * The header the dashboard sends on every API call. The proxy refuses writes without it: a
 * cross-site form post cannot add a custom header, and a script on another origin would need a
 * preflight, which the proxy never grants.
 */
export const CLIENT_HEADER_NAME = 'x-requested-with';
export const CLIENT_HEADER_VALUE = 'mistral-ft-dashboard';
export const CLIENT_HEADER = { [CLIENT_HEADER_NAME]: CLIENT_HEADER_VALUE } as const;
