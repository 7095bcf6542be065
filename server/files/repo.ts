/** SQL for uploaded and seeded files; rows map to the API's file object. */
import type { FileObject } from '../../contract/files';
import type { Db } from '../db';
import type { ClassifierTarget, ParsedFile } from './validate';

interface FileRow {
  id: string;
  filename: string;
  bytes: number;
  created_at: number;
  purpose: string;
  sample_type: string;
  num_lines: number | null;
  mimetype: string | null;
  source: string;
  kind: ParsedFile['kind'];
  data_tokens: number;
  targets: string | null;
}

/** What jobs need to know about a file. */
export interface FileFacts {
  id: string;
  kind: ParsedFile['kind'];
  dataTokens: number;
  targets: Record<string, ClassifierTarget> | null;
}

export interface NewFile {
  id: string;
  filename: string;
  bytes: number;
  createdAt: number;
  purpose: string;
  mimetype: string | null;
  content: Buffer | null;
  parsed: ParsedFile;
}

export interface FileQuery {
  page: number;
  page_size: number;
  purpose?: string | undefined;
  search?: string | undefined;
}

const toFile = (r: FileRow): FileObject => ({
  id: r.id,
  object: 'file',
  bytes: r.bytes,
  created_at: r.created_at,
  filename: r.filename,
  purpose: r.purpose,
  sample_type: r.sample_type,
  num_lines: r.num_lines,
  mimetype: r.mimetype,
  source: r.source,
});

const COLUMNS =
  'id, filename, bytes, created_at, purpose, sample_type, num_lines, mimetype, source, kind, data_tokens, targets';

export class FilesRepo {
  constructor(private readonly db: Db) {}

  insert(f: NewFile): FileObject {
    this.db
      .prepare(
        `INSERT INTO files (id, filename, bytes, created_at, purpose, sample_type, num_lines, mimetype, source, kind, data_tokens, targets, content)
         VALUES (?, ?, ?, ?, ?, 'instruct', ?, ?, 'upload', ?, ?, ?, ?)`,
      )
      .run(
        f.id,
        f.filename,
        f.bytes,
        f.createdAt,
        f.purpose,
        f.parsed.numLines,
        f.mimetype,
        f.parsed.kind,
        f.parsed.dataTokens,
        f.parsed.kind === 'classifier' ? JSON.stringify(f.parsed.targets) : null,
        f.content,
      );
    return this.get(f.id) as FileObject;
  }

  get(id: string): FileObject | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM files WHERE id = ?`).get(id) as FileRow | undefined;
    return row && toFile(row);
  }

  facts(id: string): FileFacts | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM files WHERE id = ?`).get(id) as FileRow | undefined;
    if (!row) return undefined;
    return {
      id,
      kind: row.kind,
      dataTokens: row.data_tokens,
      targets: row.targets === null ? null : (JSON.parse(row.targets) as Record<string, ClassifierTarget>),
    };
  }

  list(q: FileQuery): { object: 'list'; data: FileObject[]; total: number } {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.purpose !== undefined) {
      where.push('purpose = ?');
      params.push(q.purpose);
    }
    if (q.search !== undefined) {
      where.push("filename LIKE ? ESCAPE '\\'");
      params.push(`%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM files ${clause}`).get(...params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT ${COLUMNS} FROM files ${clause} ORDER BY created_at DESC, seq DESC LIMIT ? OFFSET ?`)
      .all(...params, q.page_size, q.page * q.page_size) as FileRow[];
    return { object: 'list', data: rows.map(toFile), total };
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM files').get() as { n: number }).n;
  }
}
