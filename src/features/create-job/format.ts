/** Sizes in binary units, the unit the upload limit is defined in (20 MB = 20 × 1024²). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let n = bytes / 1024;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${n < 10 ? n.toFixed(1) : Math.round(n)} ${units[u]}`;
}

/** The first block of a UUID: enough to tell jobs and files apart at a glance. */
export const shortId = (id: string) => id.split('-')[0] ?? id;
