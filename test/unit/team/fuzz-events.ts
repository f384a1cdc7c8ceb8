import { expect } from 'vitest';
import { acceptUnheard, type AcceptedChange, type FuzzClient } from './fuzz-client';
import type { Rng } from './fuzz-ops';
import type { TeamHub } from './team-hub-fixture';

/**
 * The restore and restart faults of the fuzz run (issue 14, faults): a member putting back an old
 * backup of their library, the hub's PostgreSQL or the hub service restarting while a desktop
 * syncs, and the hub's database restored from an older dump. Each is logged so the checks know
 * what a fault may legitimately take away (what a member did after their backup and never sent)
 * and what it must not (anything the hub accepted, even in the history a hub restore lost).
 */
export interface ClientRestore {
  client: string;
  /** The step the backup was taken at and the step it was put back at. */
  from: number;
  to: number;
}

export type HubRestoreKind = 'dump' | 'files';

export interface FaultLog {
  clientRestores: ClientRestore[];
  /** Accepted changes the hub lost in a restore (they must be offered again or listed). */
  lost: AcceptedChange[];
  /**
   * Every object (`kind/id`) the hub held above its backup when it was put back, as the hub itself
   * had it: `lost` holds only the acceptances a desktop saw, not those of a batch whose answer was
   * cut before the restore (the desktop's resend then finds the hub restored and offers it again).
   */
  lostOnHub: string[];
  hubRestores: number;
  /** How the hub was restored: its dump through pg_restore, or its data directory copied back. */
  hubRestoreKind: HubRestoreKind;
  pgRestarts: number;
  hubRestarts: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class FaultEvents {
  readonly log: FaultLog;
  private dump: { file: string; version: number } | null = null;
  private readonly dumpAt: number;
  private readonly restoreAt: number;
  /**
   * Past these steps a sync restarts the hub's PostgreSQL or service, a member backs up and a
   * member puts a backup back, if none did yet: every seed exercises every fault.
   */
  private readonly restartBy: number;
  private readonly backupBy: number;
  private readonly putBackBy: number;
  private backups = 0;

  constructor(
    private readonly f: TeamHub,
    private readonly library: string,
    private readonly record: { accepted: Map<string, AcceptedChange>; unanswered: FuzzClient['unanswered'] },
    total: number,
    rng: Rng,
    hubRestoreKind: HubRestoreKind,
  ) {
    this.log = {
      clientRestores: [],
      lost: [],
      lostOnHub: [],
      hubRestores: 0,
      hubRestoreKind,
      pgRestarts: 0,
      hubRestarts: 0,
    };
    this.dumpAt = Math.floor(total * (0.2 + 0.25 * rng()));
    this.restoreAt = Math.floor(total * (0.55 + 0.3 * rng()));
    this.restartBy = Math.floor(total * 0.7);
    this.backupBy = Math.floor(total * 0.4);
    this.putBackBy = Math.floor(total * 0.75);
  }

  /** A member's own backup now and then; later, sometimes, putting it back. */
  clientStep(c: FuzzClient, rng: Rng, step: number): void {
    const r = rng();
    const putBackDue = step >= this.putBackBy && !this.log.clientRestores.length;
    if (r < 0.003 || (step >= this.backupBy && !this.backups)) {
      c.backup(step);
      this.backups++;
    } else if (r < 0.005 || putBackDue) {
      const from = c.restoreBackup();
      if (from !== null) this.log.clientRestores.push({ client: c.name, from, to: step });
    }
  }

  /** The hub's administrator: one dump in the first half of the run, put back in the second. */
  async hubStep(step: number): Promise<void> {
    if (step === this.dumpAt) {
      const { rows } = await this.f.pool.query<{ version: string }>(
        'SELECT version FROM hub.libraries WHERE name = $1',
        [this.library],
      );
      const file =
        this.log.hubRestoreKind === 'files'
          ? this.f.cluster.backupFiles()
          : this.f.cluster.dump(this.f.database);
      this.dump = { file, version: Number(rows[0]!.version) };
    } else if (step === this.restoreAt) {
      await this.restoreHub();
    }
  }

  /**
   * Restores the backup (service stopped meanwhile): the versions above it are lost. A dump goes
   * back through pg_restore (new tables: hub migration 002 notices); a copy of the data directory
   * keeps the tables as they were, and only the desktops' cursors can tell (migration 003).
   */
  async restoreHub(): Promise<void> {
    const dump = this.dump!;
    const { accepted, unanswered } = this.record;
    // what the hub accepted and no desktop heard is lost with the rest: its answers go with it
    await acceptUnheard(this.f.pool, this.library, unanswered, accepted);
    const { rows } = await this.f.pool.query<{ key: string }>(
      `SELECT o.kind || '/' || o.id AS key FROM hub.objects o JOIN hub.libraries l ON l.id = o.library_id
        WHERE l.name = $1 AND o.version > $2`,
      [this.library, dump.version],
    );
    this.log.lostOnHub.push(...rows.map((r) => r.key));
    await this.f.restartHub(() =>
      this.log.hubRestoreKind === 'files'
        ? this.f.cluster.restoreFiles(dump.file)
        : this.f.cluster.restore(this.f.database, dump.file),
    );
    for (const [key, a] of accepted)
      if (a.version > dump.version) {
        this.log.lost.push(a);
        accepted.delete(key);
      }
    this.log.hubRestores++;
  }

  /** A sync during which PostgreSQL or the hub service restarts; failing is fine, losing is not. */
  async restartDuringSync(c: FuzzClient, rng: Rng, step: number): Promise<boolean> {
    const r = rng();
    const due = step >= this.restartBy && this.log.pgRestarts + this.log.hubRestarts === 0;
    if (r >= 0.04 && !due) return false;
    const sync = c.team.sync().then(
      () => null,
      (error: unknown) => error,
    );
    await sleep(Math.floor(rng() * 40));
    if (r < 0.02 || (r >= 0.04 && r < 0.52)) {
      this.f.cluster.restart();
      this.log.pgRestarts++;
    } else {
      await this.f.restartHub();
      this.log.hubRestarts++;
    }
    const error = await sync;
    if (error) expect((error as { code?: string }).code).toBe('team_hub_error');
    c.noteUnanswered();
    return true;
  }
}
