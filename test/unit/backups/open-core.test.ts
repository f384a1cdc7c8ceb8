import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  backupNow,
  restoreLibrary,
  rollingBackupIfDue,
  setBackupPolicy,
} from '../../../electron/main/backups/backup-service';
import { createCore } from '../../../electron/main/core/app-core';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import { searchServiceFor } from '../../../electron/main/search/search-service';
import { listBackups } from '../../../electron/main/store/backups';
import { openDatabase } from '../../../electron/main/store/database';
import { migrate } from '../../../electron/main/store/migrate';
import { migrations } from '../../../electron/main/store/migrations';
import { addSeed } from '../annotations/seed-library';
import { dumpLibrary } from './library-dump';

const tempLibrary = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-bk-core-')), 'library.db');

describe('backups of an open core', () => {
  it('restores under an open core: handlers, statements and the search index follow the restored file', async () => {
    const file = tempLibrary();
    const core = createCore({ databasePath: file });
    const seed = addSeed(core.ctx.db);
    // As an import would: what is derived from a document (ledger facts, search) follows the event.
    core.ctx.events.emit('library:changed', { documentIds: [seed] });
    const backup = await backupNow(core.ctx);
    const snapshot = dumpLibrary(path.join(path.dirname(file), 'backups', `${backup.id}.db`));
    // Warm the search index and the handlers over the first connection, then change the library.
    expect(searchServiceFor(core.ctx).hits('营商环境').total).toBeGreaterThan(0);
    core.ctx.db.prepare('DELETE FROM documents').run();
    core.ctx.events.emit('library:changed', { documentIds: [seed] });
    expect(searchServiceFor(core.ctx).hits('营商环境').total).toBe(0);

    const result = await restoreLibrary(core.ctx, path.join(path.dirname(file), 'backups', `${backup.id}.db`));
    expect(result.documents).toBe(1);
    expect(searchServiceFor(core.ctx).hits('营商环境').total).toBeGreaterThan(0);
    const list = await dispatch(core, 'documents:list', {});
    expect(list).toMatchObject({ ok: true, value: [{ id: seed }] });
    core.close();
    const restored = dumpLibrary(file);
    // The search index may have been rebuilt since; the library's own data is the backup's.
    for (const table of Object.keys(snapshot).filter((t) => !t.startsWith('search_')))
      expect(restored[table], table).toEqual(snapshot[table]);
  });

  it('keeps the last N automatic backups, one per interval', async () => {
    const file = tempLibrary();
    const core = createCore({ databasePath: file });
    setBackupPolicy(core.ctx, { keepDaily: 2, intervalHours: 24 });
    const day = (n: number) => new Date(Date.UTC(2026, 10, n, 9));
    expect(await rollingBackupIfDue(core.ctx, day(1))).not.toBeNull();
    // Backups are named by the clock, the interval by the last name: not due an hour later.
    const names = listBackups(file).map((b) => b.id);
    expect(names).toHaveLength(1);
    expect(await rollingBackupIfDue(core.ctx, new Date(Date.now() + 3600_000))).toBeNull();
    expect(await rollingBackupIfDue(core.ctx, new Date(Date.now() + 25 * 3600_000))).not.toBeNull();
    expect(listBackups(file)).toHaveLength(2);
    expect(await rollingBackupIfDue(core.ctx, new Date(Date.now() + 49 * 3600_000))).not.toBeNull();
    const kept = listBackups(file).map((b) => b.id);
    expect(kept).toHaveLength(2);
    expect(kept).not.toContain(names[0]);
    core.close();
  });

  it('copies the library into its backups folder before a migration runs', () => {
    const file = tempLibrary();
    const old = new Database(file);
    migrate(old, migrations.slice(0, -1));
    old.close();
    const db = openDatabase(file);
    db.close();
    const [backup] = listBackups(file);
    expect(backup).toMatchObject({
      reason: 'pre-migration',
      schemaVersion: migrations.length - 1,
      problem: null,
    });
    // An up-to-date library opens without another copy.
    openDatabase(file).close();
    expect(listBackups(file)).toHaveLength(1);
  });
});
