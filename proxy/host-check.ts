/**
 * DNS-rebinding protection, as Vite's `server.allowedHosts`: a page on an attacker's domain that
 * resolves to this machine reaches the server with its own name in `Host`, and is refused.
 */
import { isIP } from 'node:net';

/** The name part of a Host header: no port, no IPv6 brackets, lower case. */
export function hostname(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  return h.split(':')[0] ?? '';
}

/**
 * `allowed` holds names (`dash.example.com`) or suffixes (`.example.com`, which also matches
 * `example.com`). Localhost and IP literals always pass: a rebinding attack needs a domain name.
 */
export function hostChecker(allowed: readonly string[]): (hostHeader: string | undefined) => boolean {
  const names = new Set(allowed.map((a) => a.trim().toLowerCase()).filter(Boolean));
  return (hostHeader) => {
    if (!hostHeader) return false;
    const name = hostname(hostHeader);
    if (!name) return false;
    if (name === 'localhost' || name.endsWith('.localhost') || isIP(name) !== 0) return true;
    if (names.has(name)) return true;
    return [...names].some((n) => n.startsWith('.') && (name.endsWith(n) || name === n.slice(1)));
  };
}

/** `ALLOWED_HOSTS=a.example.com, .corp.example` → the list `hostChecker` takes. */
export const parseAllowedHosts = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
