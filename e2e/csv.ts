import { expect } from '@playwright/test';

/**
 * An RFC 4180 reader of the suite's own, so a download is read back by other code than the code
 * that wrote it.
 */
export function readCsv(text: string): string[][] {
  expect(text.endsWith('\r\n'), 'records end with CRLF').toBe(true);
  const rows: string[][] = [];
  const re = /("(?:[^"]|"")*"|[^,\r\n]*)(,|\r\n)/gy;
  let row: string[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[1]!;
    row.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
    if (m[2] === '\r\n') {
      rows.push(row);
      row = [];
    }
    if (re.lastIndex >= text.length) break;
  }
  return rows;
}
