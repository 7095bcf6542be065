/**
 * Where the dashboard's `/v1` requests go. Read once, in the Node process of the proxy: the key
 * never leaves it (no `VITE_` prefix, nothing written into the bundle).
 */
import type { BackendInfo, BackendKind } from '../contract/backend.ts';

export const MISTRAL_API_URL = 'https://api.mistral.ai';

export interface Upstream {
  /** Base URL without a trailing slash. */
  target: string;
  /** Bearer key added on the server side, when set. */
  apiKey: string | undefined;
  /** What the header badge says. */
  kind: BackendKind;
}

export function resolveUpstream(env: NodeJS.ProcessEnv): Upstream {
  const apiKey = env.MISTRAL_API_KEY?.trim() || undefined;
  const explicit = env.MISTRAL_API_URL?.trim();
  const emulator = `http://${env.API_HOST ?? '127.0.0.1'}:${env.API_PORT ?? '8787'}`;
  const target = (explicit || (apiKey ? MISTRAL_API_URL : emulator)).replace(/\/+$/, '');
  const kind: BackendKind = target === MISTRAL_API_URL ? 'mistral' : target === emulator ? 'emulator' : 'custom';
  return { target, apiKey, kind };
}

/** What the page may know about the backend: never the key, only whether one is set. */
export const describeUpstream = (u: Upstream): BackendInfo => ({
  kind: u.kind,
  target: u.kind === 'mistral' ? MISTRAL_API_URL : u.target,
  authenticated: u.apiKey !== undefined,
});
