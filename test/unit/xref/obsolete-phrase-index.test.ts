import { afterEach, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../../electron/main/core/app-core';
import { searchServiceFor } from '../../../electron/main/search/search-service';
import { insertDocument } from '../../../electron/main/store/document-writer';
import { obsoletePhraseRows } from '../../../electron/main/xref/obsolete-phrase-index';
import { sampleDocument } from '../../helpers/sample-document';
import { tempDatabase } from '../search/library';

const cores: Core[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.ctx.db.open && c.close()));

it('empties the old key-phrase tables of a library in the background, answering meanwhile', async () => {
  const file = tempDatabase();
  const first = createCore({ databasePath: file });
  cores.push(first);
  const db = first.ctx.db;
  const docId = insertDocument(db, sampleDocument('2021年测试区人民政府工作报告'), {
    file: null,
    format: 'test',
  });
  // What the key-phrase index of a library made before left: more rows than one slice deletes.
  db.transaction(() => {
    const phrase = db.prepare(
      `INSERT INTO xref_phrases (phrase, passage_id, document_id, tf) VALUES (?, ?, ?, 1)`,
    );
    const df = db.prepare(`INSERT INTO xref_df (phrase, df) VALUES (?, 1)`);
    for (let i = 0; i < 9000; i++) {
      phrase.run(`短语${i}`, `p${i % 300}`, docId);
      df.run(`短语${i}`);
    }
    db.prepare(`INSERT INTO xref_docs (document_id, content_hash, phrase_counts) VALUES (?, 'h', '{}')`).run(
      docId,
    );
    db.prepare(`INSERT INTO xref_passages (passage_id, document_id, phrases) VALUES ('p1', ?, 3)`).run(docId);
  })();
  first.close();

  const next = createCore({ databasePath: file });
  cores.push(next);
  expect(obsoletePhraseRows(next.ctx.db)).toBeGreaterThan(4000);
  expect(searchServiceFor(next.ctx).hits('六稳', { limit: 5 }).total).toBeGreaterThan(0);
  await vi.waitFor(() => expect(obsoletePhraseRows(next.ctx.db)).toBe(0), { timeout: 20_000, interval: 20 });
  expect(next.ctx.db.prepare(`SELECT count(*) FROM documents`).pluck().get()).toBe(1);
});
