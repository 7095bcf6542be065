/** datetime-local inputs speak local wall-clock time; the URL and the API speak ISO 8601. */

const pad = (n: number) => String(n).padStart(2, '0');

/** "2025-04-16T09:30:00.000Z" → "2025-04-16T11:30" in the viewer's zone; "" when unreadable. */
export function isoToLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The reverse; undefined for an empty or incomplete input. */
export function localInputToIso(local: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(local)) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) || d.getFullYear() < 1970 ? undefined : d.toISOString();
}
