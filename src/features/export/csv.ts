/**
 * CSV as RFC 4180 writes it: CRLF between records, a field quoted when it holds a quote, a comma,
 * CR or LF, quotes inside doubled. The parser is the writer's inverse, for tests and round trips.
 */
export type Cell = string | number | boolean | null | undefined;

/**
 * A text cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a `'`
 * in front (OWASP's advice for CSV injection). Numbers are never touched, so -0.5 stays a number;
 * only text that a user or the API chose (a suffix, a file name) can carry a formula.
 */
const FORMULA = /^[=+\-@\t\r]/;

function field(v: Cell): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'string' ? (FORMULA.test(v) ? `'${v}` : v) : String(v);
  if (/[",\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

export const toCsv = (rows: readonly (readonly Cell[])[]): string =>
  rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endRow();
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}
