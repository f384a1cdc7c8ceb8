import { expect } from 'vitest';
import { deleteWithUndo } from '../../../electron/main/documents/document-care';
import { importFiles } from '../../../electron/main/ingest/import-service';
import type { FuzzClient } from './fuzz-client';
import type { Rng } from './fuzz-ops';

/**
 * A document deleted and imported again in the fuzz run (issue 14, faults): now and then a member
 * deletes the shared report (its annotations kept as orphans, here and on the hub) and, some steps
 * later, imports the same file again (same content, so the same id). The others go on working
 * meanwhile: they annotate it until their sync brings the tombstone, and take it back with the
 * re-import. A member whose library holds the document again by then (a backup put back, another
 * member's edition) has nothing to import yet, but looks again every 30 steps and at the end: a
 * backup from before the delete holds it only until a sync brings that delete. Every pending
 * re-import is made before the run ends, so every library must end holding the document (so is
 * one a backup put back undid).
 */
export interface DeleteLog {
  client: string;
  deletedAt: number;
  /** The step the file was imported again at (null: the library held the document again). */
  importedAt: number | null;
}

export class DeleteEvents {
  readonly log: DeleteLog[] = [];
  /** Re-imports to make, at step `at`; `looks`: how often the library was found holding it. */
  private readonly due = new Map<FuzzClient, { at: number; entry: DeleteLog; looks?: number }>();
  private readonly undone = new Set<FuzzClient>();

  constructor(
    private readonly file: string,
    private readonly documentId: string,
    /** Past this step a member deletes it if none did yet, so every seed exercises a re-import. */
    private readonly deleteBy: number,
  ) {}

  async step(c: FuzzClient, rng: Rng, step: number): Promise<void> {
    const { documentId } = this;
    for (const [client, { at }] of this.due) if (at <= step) await this.importAgain(client, step);
    // (one whose re-import found the document back already counts for nothing)
    const due = step >= this.deleteBy && !this.due.size && !this.log.some((e) => e.importedAt !== null);
    if ((rng() >= 0.002 && !due) || this.due.has(c) || !c.documentIds().includes(documentId)) return;
    deleteWithUndo(c.core.ctx, documentId, 'orphan');
    const entry: DeleteLog = { client: c.name, deletedAt: step, importedAt: null };
    this.log.push(entry);
    this.due.set(c, { at: step + 30 + Math.floor(rng() * 270), entry });
  }

  /**
   * The member put back a backup older than their re-import: the re-import is undone with the
   * rest, while their delete, once it reached the hub, is not (a backup taken even before the
   * delete then loses the document at the next sync, the team's last word being that delete).
   * Such a member takes the file again some steps later, as they would on noticing it gone (the
   * others may never have seen the re-import: without it the document would stay away from every
   * library for the rest of the run); if their library holds it again by then, at the end, once a
   * sync has shown the library without it.
   */
  restored(c: FuzzClient, from: number, step: number): void {
    if (!this.log.some((e) => e.client === c.name && e.importedAt !== null && from < e.importedAt)) return;
    if (this.due.has(c)) return;
    const entry: DeleteLog = { client: c.name, deletedAt: step, importedAt: null };
    this.log.push(entry);
    this.due.set(c, { at: step + 30, entry });
  }

  /** Every re-import still due, then the undone ones, as the network heals. */
  async finish(step: number): Promise<void> {
    for (const c of [...this.due.keys()]) await this.importAgain(c, step, false);
    for (const c of this.undone) {
      await c.team.sync();
      const entry: DeleteLog = { client: c.name, deletedAt: step, importedAt: null };
      this.log.push(entry);
      this.due.set(c, { at: step, entry });
      await this.importAgain(c, step, false);
    }
  }

  /**
   * `lookAgain`: while the run goes on, a library holding the document looks again 30 steps later,
   * up to ten times (else it could stay away from every library for the rest of the run: say a
   * re-import undone by a backup, from before the delete, that was put back before any sync of it
   * went through; and a member looking for good would never delete it again).
   */
  private async importAgain(c: FuzzClient, step: number, lookAgain = true): Promise<void> {
    const { entry, looks = 0 } = this.due.get(c)!;
    this.due.delete(c);
    if (c.documentIds().includes(this.documentId)) {
      this.undone.add(c);
      if (lookAgain && looks < 10) this.due.set(c, { at: step + 30, entry, looks: looks + 1 });
      return;
    }
    const summary = await importFiles(c.core.ctx, [this.file], { inline: true });
    expect(summary.failed).toEqual([]);
    expect(summary.imported.map((d) => d.id)).toEqual([this.documentId]);
    entry.importedAt = step;
    this.undone.delete(c);
  }
}
