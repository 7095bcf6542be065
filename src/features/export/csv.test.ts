import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv';
import { jobFileStem } from './download';

describe('csv', () => {
  it('survives a round trip with quotes, commas, newlines and unicode', () => {
    const rows = [
      ['suffix', 'file', 'loss'],
      ['a,b', 'train "v2".jsonl', '0.5'],
      ['line\nbreak', 'crlf\r\nhere', 'é 漢字'],
      ['', '', ''],
    ];
    const text = toCsv(rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('"a,b","train ""v2"".jsonl",0.5\r\n');
    expect(parseCsv(text)).toEqual(rows);
  });

  it('writes numbers as numbers and empty cells for none', () => {
    expect(toCsv([[1, -0.25, null, undefined, true]])).toBe('1,-0.25,,,true\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, never numbers', () => {
    expect(parseCsv(toCsv([['=HYPERLINK("x")', '+1', '-2', '@a', -2]]))[0]).toEqual([
      `'=HYPERLINK("x")`,
      "'+1",
      "'-2",
      "'@a",
      '-2',
    ]);
  });
});

describe('jobFileStem', () => {
  it('names the job by its suffix and short id, in safe characters only', () => {
    expect(jobFileStem({ id: '1a2b3c4d-0000', suffix: 'support bot/v2' })).toBe('job-support-bot-v2-1a2b3c4d');
    expect(jobFileStem({ id: '1a2b3c4d-0000', suffix: null })).toBe('job-1a2b3c4d');
  });
});
