/** A job's page in the app; its address in the API is the client's `jobApiPath`. */
export const jobPagePath = (id: string) => `/jobs/${encodeURIComponent(id)}`;
