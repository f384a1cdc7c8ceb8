/**
 * Child process for the durability test: annotates the library at argv[2] in a loop, printing each
 * annotation id once its transaction has committed, until it is killed.
 */
import { createAnnotation } from '../../../electron/main/annotations/service';
import { openDatabase } from '../../../electron/main/store/database';

const db = openDatabase(process.argv[2]!);
const passages = db.prepare(`SELECT id, length(text) AS n FROM passages ORDER BY ordinal`).all() as {
  id: string;
  n: number;
}[];
for (let i = 0; ; i++) {
  const p = passages[i % passages.length]!;
  const a = createAnnotation(db, {
    passageId: p.id,
    start: 0,
    end: Math.min(4, p.n),
    note: `第${i}条`,
    tags: [`t${i % 7}`],
  });
  process.stdout.write(`${a.id}\n`);
}
