import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import type { Change, PushResponse } from '../../../shared/team/protocol';
import { createCore, type Core } from '../../../electron/main/core/app-core';
import { fileSecretStore, type SecretStore } from '../../../electron/main/team/secret-store';
import { TeamService } from '../../../electron/main/team/team-service';
import type { Db } from '../../../electron/main/store/database';
import { allLocalKeys, readLocal } from '../../../electron/main/team/local-read';
import { getPendingPush } from '../../../electron/main/team/team-store';
import type { FaultProxy } from './fault-proxy';
import { replaceLibraryFile } from './team-hub-fixture';

/** One desktop of the fuzz run: its own SQLite library, its own fault proxy in front of the hub. */
export interface AcceptedChange {
  kind: string;
  id: string;
  version: number;
  baseVersion: number | null;
  data: Record<string, unknown> | null;
  /** Digest of the lost copy a change offered again after a hub restore was made from. */
  ancestor?: string;
}

export class FuzzClient {
  core!: Core;
  team!: TeamService;
  readonly dbPath: string;
  readonly backupPath: string;
  readonly secrets: SecretStore;
  restarts = 0;
  backupStep: number | null = null;

  private readonly accepted: Map<string, AcceptedChange>;
  readonly sent: { client: string; changes: Change[]; answer: PushResponse }[];
  /** Batches a failed sync left unanswered here, by batch id (see `acceptUnheard`). */
  readonly unanswered: Map<string, Change[]>;

  constructor(
    readonly name: string,
    dir: string,
    readonly proxy: FaultProxy,
    shared: Pick<FuzzClient, 'sent' | 'unanswered'> & { accepted: Map<string, AcceptedChange> },
  ) {
    ({ accepted: this.accepted, sent: this.sent, unanswered: this.unanswered } = shared);
    fs.mkdirSync(dir, { recursive: true });
    this.dbPath = path.join(dir, 'library.db');
    this.backupPath = path.join(dir, 'backup.db');
    this.secrets = fileSecretStore(path.join(dir, 'token'));
    this.open();
  }

  get db(): Db {
    return this.core.ctx.db;
  }

  open(): void {
    this.core = createCore({ databasePath: this.dbPath, teamSecrets: this.secrets });
    this.team = new TeamService(this.core.ctx, {
      secrets: this.secrets,
      inlineParse: true,
      timeoutMs: 5_000,
      observePush: (changes, answer) => {
        this.sent.push({ client: this.name, changes, answer });
        recordAccepted(this.accepted, changes, answer);
      },
    });
  }

  /** After a failed sync: the batch it may have sent, whose answer (if the hub committed it) this desktop never heard. */
  noteUnanswered(): void {
    const pending = getPendingPush(this.db);
    if (pending)
      this.unanswered.set(pending.batchId, (JSON.parse(pending.body) as { changes: Change[] }).changes);
  }

  /** Closes the library and opens it again, as a quit and relaunch (or a crash between syncs) does. */
  restart(): void {
    this.core.close();
    this.restarts++;
    this.open();
  }

  /** A consistent copy of the library file as it stands (SQLite's own VACUUM INTO), taken at `step`. */
  backup(step: number): void {
    fs.rmSync(this.backupPath, { force: true });
    this.db.exec(`VACUUM INTO '${this.backupPath.replace(/'/g, "''")}'`);
    this.backupStep = step;
  }

  /**
   * The member puts back their last backup: the library file goes back in time, its cursor, outbox,
   * base copies and conflicts with it (the token, kept beside it, stays). Returns the step the
   * backup was taken at: what this desktop did after it and never sent is gone by the user's choice.
   */
  restoreBackup(): number | null {
    if (this.backupStep === null) return null;
    this.core.close();
    replaceLibraryFile(this.dbPath, this.backupPath);
    this.open();
    return this.backupStep;
  }

  /** Every synced object but documents, as this library holds it: `kind/id` → canonical data. */
  snapshot(): Map<string, Record<string, unknown>> {
    const out = new Map<string, Record<string, unknown>>();
    for (const { kind, id } of allLocalKeys(this.db)) {
      if (kind === 'document') continue;
      const data = readLocal(this.db, kind, id);
      if (data) out.set(`${kind}/${id}`, data);
    }
    return out;
  }

  documentIds(): string[] {
    return this.db.prepare(`SELECT id FROM documents ORDER BY id`).pluck().all() as string[];
  }
}

/**
 * Changes the hub accepted in a batch whose answer its desktop never heard (the answer cut, then
 * the batch dropped: a backup put back, or the hub's restore making it stale), counted as accepted
 * when the hub's history still holds the batch: the hub keeps each batch's answer for replays.
 */
export async function acceptUnheard(
  pool: pg.Pool,
  library: string,
  unanswered: Map<string, Change[]>,
  accepted: Map<string, AcceptedChange>,
): Promise<void> {
  const { rows } = await pool.query<{ batchId: string; response: PushResponse }>(
    `SELECT b.batch_id::text AS "batchId", b.response FROM hub.push_batches b
       JOIN hub.libraries l ON l.id = b.library_id WHERE l.name = $1 AND b.batch_id = ANY($2::uuid[])`,
    [library, [...unanswered.keys()]],
  );
  for (const { batchId, response } of rows) recordAccepted(accepted, unanswered.get(batchId)!, response);
}

function recordAccepted(
  accepted: Map<string, AcceptedChange>,
  changes: Change[],
  answer: PushResponse,
): void {
  changes.forEach((c, i) => {
    const r = answer.results[i];
    if (r?.status !== 'accepted') return;
    const version = r.version ?? answer.version;
    accepted.set(`${c.kind}/${c.id}/${version}`, {
      kind: c.kind,
      id: c.id,
      version,
      baseVersion: c.baseVersion,
      data: c.data,
      ...(c.ancestor ? { ancestor: c.ancestor } : {}),
    });
  });
}
