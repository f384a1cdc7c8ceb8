import type { Migration } from './types';

/**
 * Each document's passage, glossary and measure counts, kept on its row by the document writer
 * (an edition's rows are written once, replaced whole). The shelf and `yandu list` counted them per
 * document at every listing: an index walk over every passage of the library (36 ms of a 3,000-report
 * `yandu list`), growing with the text. Annotations, which change all the time and are few, are still
 * counted when listed.
 */
export const migration016DocumentCounts: Migration = {
  version: 16,
  name: 'documents: passage, glossary and measure counts on the row',
  up(db) {
    db.exec(`
      ALTER TABLE documents ADD COLUMN passage_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE documents ADD COLUMN glossary_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE documents ADD COLUMN measure_count INTEGER NOT NULL DEFAULT 0;
      UPDATE documents SET
        passage_count = (SELECT count(*) FROM passages p WHERE p.document_id = documents.id),
        glossary_count = (SELECT count(*) FROM glossary_entries g WHERE g.document_id = documents.id),
        measure_count = (SELECT count(*) FROM measures m WHERE m.document_id = documents.id);
    `);
  },
};
