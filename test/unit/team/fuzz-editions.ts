import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { importFiles } from '../../../electron/main/ingest/import-service';
import type { FuzzClient } from './fuzz-client';
import type { Rng } from './fuzz-ops';

/**
 * New editions in the fuzz run (issue 14): now and then a member replaces the shared report by a
 * revised copy of it (one paragraph added, its words differing from edition to edition), as
 * `yandu import --replace` does. The other desktops take it at a sync; annotations and links on the
 * report move with it, and the run's checks still ask that every library equal the hub's.
 */
const PARAGRAPH = '现在,我代表湖里区人民政府向大会报告工作';

export class EditionEvents {
  replaces = 0;
  private readonly text: string;

  constructor(
    private readonly dir: string,
    source: string,
  ) {
    this.text = fs.readFileSync(source, 'utf8');
    fs.mkdirSync(dir, { recursive: true });
  }

  /** The passages an operation of this client may pick: those of the edition it holds now. */
  static passagesOf(c: FuzzClient): { id: string; length: number }[] {
    return c.db
      .prepare(`SELECT id, length(text) AS length FROM passages WHERE length(text) > 4 ORDER BY id LIMIT 60`)
      .all() as { id: string; length: number }[];
  }

  async step(c: FuzzClient, rng: Rng, documentId: string): Promise<void> {
    if (rng() >= 0.004 || !c.documentIds().includes(documentId)) return;
    const n = ++this.replaces;
    const file = path.join(this.dir, `湖里区-第${n}版.txt`);
    const at = this.text.indexOf(PARAGRAPH);
    fs.writeFileSync(
      file,
      `${this.text.slice(0, at)}补充说明:第${n}版的修订,${c.name}所改。\n\n      ${this.text.slice(at)}`,
    );
    const summary = await importFiles(c.core.ctx, [file], { inline: true, replace: documentId });
    expect(summary.failed).toEqual([]);
  }

  /** Every library holds the same edition of every document. */
  static editions(c: FuzzClient): unknown[] {
    return c.db.prepare(`SELECT id, content_hash FROM documents ORDER BY id`).all();
  }
}
