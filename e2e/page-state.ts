import type { Page } from '@playwright/test';

/** Everything the page can reach from script: its markup, storage, cookies and window's own properties. */
export const pageState = (page: Page) =>
  page.evaluate(() => {
    const seen = new WeakSet<object>();
    const attempt = (read: () => string) => {
      try {
        return read();
      } catch {
        return ''; // a getter that throws holds nothing we could leak
      }
    };
    const dump = (v: unknown, depth: number): string => {
      if (typeof v === 'string') return v;
      if (v === null || typeof v !== 'object' || depth > 3 || seen.has(v) || v instanceof Node) return '';
      seen.add(v);
      const record = v as Record<string, unknown>;
      return attempt(() =>
        Object.keys(record)
          .map((k) => `${k}=${attempt(() => dump(record[k], depth + 1))}`)
          .join('\n'),
      );
    };
    const win = window as unknown as Record<string, unknown>;
    const globals = Object.getOwnPropertyNames(window).map((k) => `${k}=${attempt(() => dump(win[k], 0))}`);
    return [
      document.documentElement.outerHTML,
      document.cookie,
      JSON.stringify({ ...localStorage }),
      JSON.stringify({ ...sessionStorage }),
      ...globals,
    ].join('\n');
  });
