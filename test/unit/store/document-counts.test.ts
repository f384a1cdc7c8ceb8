import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/main/store/database';
import { listDocuments } from '../../../electron/main/store/document-reader';
import { insertDocument, replaceDocument } from '../../../electron/main/store/document-writer';
import { migrate } from '../../../electron/main/store/migrate';
import { migrations } from '../../../electron/main/store/migrations';
import { sampleDocument } from '../../helpers/sample-document';

/** The counts as the rows have them, per document id. */
const counted = (db: Database.Database) =>
  db
    .prepare(
      `SELECT d.id,
        (SELECT count(*) FROM passages p WHERE p.document_id = d.id) AS passages,
        (SELECT count(*) FROM glossary_entries g WHERE g.document_id = d.id) AS glossary,
        (SELECT count(*) FROM measures m WHERE m.document_id = d.id) AS measures
       FROM documents d ORDER BY d.id`,
    )
    .all();

const listed = (db: Database.Database) =>
  listDocuments(db)
    .map(({ id, passages, glossary, measures }) => ({ id, passages, glossary, measures }))
    .sort((a, b) => a.id.localeCompare(b.id));

describe("documents' counts kept on their rows (migration 016)", () => {
  it('lists what the rows hold after an insert and after a replace by an edition of another size', () => {
    const db = openDatabase(':memory:');
    const id = insertDocument(db, sampleDocument(), { file: null, format: null });
    expect(listed(db)).toEqual(counted(db));
    expect(listed(db)[0]).toMatchObject({ passages: 3, glossary: 1, measures: 1 });
    const longer = sampleDocument();
    longer.passages.push({ ...longer.passages[0]!, text: '新增一段：推进城市更新。', footnotes: [] });
    longer.measures = [];
    replaceDocument(db, id, longer, { file: 'v2.txt', format: 'txt' });
    expect(listed(db)).toEqual(counted(db));
    expect(listed(db)[0]).toMatchObject({ passages: 4, glossary: 1, measures: 0 });
  });

  it('fills the counts of the documents a library had before', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 15));
    const before = openDatabase(':memory:');
    insertDocument(before, sampleDocument(), { file: null, format: null });
    // The rows of a document written at schema 15, copied over table by table.
    for (const table of [
      'documents',
      'sections',
      'passages',
      'glossary_entries',
      'footnote_refs',
      'measures',
    ]) {
      const rows = before.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
      const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map(
        (c) => c.name,
      );
      const insert = db.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
      );
      for (const row of rows) insert.run(Object.fromEntries(columns.map((c) => [c, row[c]])));
    }
    migrate(db, migrations);
    expect(listed(db)).toEqual(counted(db));
    expect(listed(db)[0]).toMatchObject({ passages: 3, glossary: 1, measures: 1 });
  });
});
