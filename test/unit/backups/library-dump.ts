import Database from 'better-sqlite3';

/**
 * Every row of every table of a library file, as sorted JSON lines per table: two dumps are equal
 * exactly when the libraries hold the same data. Tables come from sqlite_master, so tables other
 * branches add (links, briefings …) are compared without this helper knowing them.
 */
export function dumpLibrary(file: string): Record<string, string[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
      )
      .pluck()
      .all() as string[];
    const dump: Record<string, string[]> = {
      '(schema)': [String(db.pragma('user_version', { simple: true }))],
    };
    for (const table of tables) {
      dump[table] = (db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[])
        .map((row) =>
          JSON.stringify(row, (_k, v: unknown) =>
            v && typeof v === 'object' && (v as { type?: string }).type === 'Buffer'
              ? `blob:${Buffer.from((v as { data: number[] }).data).toString('base64')}`
              : v,
          ),
        )
        .sort();
    }
    return dump;
  } finally {
    db.close();
  }
}

export function rowCount(dump: Record<string, string[]>): number {
  return Object.values(dump).reduce((n, rows) => n + rows.length, 0);
}
