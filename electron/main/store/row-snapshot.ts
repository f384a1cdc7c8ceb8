import type { Db } from './database';

/** Rows of one table, as read (column name to value). */
export type TableRows = { table: string; rows: Record<string, unknown>[] }[];

interface ForeignKey {
  table: string;
  from: string;
  parent: string;
  to: string;
}

/** Most rows one snapshot may hold: a document is thousands of rows, never millions. */
export const MAX_SNAPSHOT_ROWS = 500_000;

function foreignKeys(db: Db): ForeignKey[] {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .pluck()
    .all() as string[];
  return tables.flatMap((table) =>
    (db.pragma(`foreign_key_list("${table}")`) as { table: string; from: string; to: string | null }[]).map(
      (fk) => ({ table, from: fk.from, parent: fk.table, to: fk.to ?? 'rowid' }),
    ),
  );
}

/**
 * Every row that depends on one root row through foreign keys, found from the schema itself, so a
 * table another part of the app adds (links, briefing excerpts) is covered without being named:
 * the document, its sections and passages, what points at those, and so on down.
 */
export function snapshotDependents(db: Db, rootTable: string, rootKey: string, value: unknown): TableRows {
  const fks = foreignKeys(db);
  const taken = new Map<string, { rows: Record<string, unknown>[]; seen: Set<string> }>();
  let total = 0;
  const add = (table: string, rows: Record<string, unknown>[]): Record<string, unknown>[] => {
    let entry = taken.get(table);
    if (!entry) taken.set(table, (entry = { rows: [], seen: new Set() }));
    const fresh = rows.filter((r) => {
      const key = JSON.stringify(r);
      if (entry.seen.has(key)) return false;
      entry.seen.add(key);
      return true;
    });
    entry.rows.push(...fresh);
    total += fresh.length;
    if (total > MAX_SNAPSHOT_ROWS) throw new Error(`more than ${MAX_SNAPSHOT_ROWS} rows depend on ${value}`);
    return fresh;
  };
  const queue: { table: string; rows: Record<string, unknown>[] }[] = [
    {
      table: rootTable,
      rows: add(
        rootTable,
        db.prepare(`SELECT * FROM "${rootTable}" WHERE "${rootKey}" = ?`).all(value) as Record<
          string,
          unknown
        >[],
      ),
    },
  ];
  while (queue.length) {
    const { table, rows } = queue.shift()!;
    for (const fk of fks.filter((f) => f.parent === table)) {
      const keys = [...new Set(rows.map((r) => r[fk.to]).filter((k) => k !== null && k !== undefined))];
      const select = db.prepare(`SELECT * FROM "${fk.table}" WHERE "${fk.from}" = ?`);
      const found = keys.flatMap((k) => select.all(k) as Record<string, unknown>[]);
      const fresh = add(fk.table, found);
      if (fresh.length) queue.push({ table: fk.table, rows: fresh });
    }
  }
  return [...taken].map(([table, { rows }]) => ({ table, rows }));
}

/**
 * Puts snapshot rows back as they were (same ids, same values). Rows still present, e.g. those a
 * foreign key only set to NULL, get their former values back. Foreign keys are
 * checked at commit, so the order of tables does not matter. Call inside a transaction.
 */
export function restoreSnapshot(db: Db, snapshot: TableRows): void {
  db.pragma('defer_foreign_keys = ON');
  for (const { table, rows } of snapshot) {
    const columns = Object.keys(rows[0] ?? {});
    if (!columns.length) continue;
    const quoted = columns.map((c) => `"${c}"`);
    // An upsert, not INSERT OR REPLACE: a replace deletes first, and a delete cascades.
    const put = db.prepare(
      `INSERT INTO "${table}" (${quoted.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
       ON CONFLICT DO UPDATE SET ${quoted.map((c) => `${c} = excluded.${c}`).join(', ')}`,
    );
    for (const row of rows) put.run(...columns.map((c) => row[c]));
  }
}
