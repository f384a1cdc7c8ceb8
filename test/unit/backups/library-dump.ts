import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';

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

/** Runs `work` while another process (the app, say) has the library open and has read it. */
export async function whileOpenElsewhere<T>(file: string, work: () => Promise<T>): Promise<T> {
  const holder = spawn(
    process.execPath,
    [
      '-e',
      `const D=require(${JSON.stringify(require.resolve('better-sqlite3'))});const d=new D(${JSON.stringify(file)});d.prepare('SELECT count(*) FROM documents').get();console.log('open');process.stdin.on('end',()=>d.close()).resume();`,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  await new Promise((resolve) => holder.stdout.once('data', resolve));
  try {
    return await work();
  } finally {
    holder.stdin.end();
    await new Promise((resolve) => holder.once('exit', resolve));
  }
}
