import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupPolicy, BackupReason } from '../../../shared/domain/backups';
import { AppError } from '../kernel/app-error';
import type { CoreContext } from '../kernel/context';
import { logBackgroundError } from '../kernel/log';
import {
  assertLibraryFree,
  backupPathOf,
  backupTo,
  inspectLibraryFile,
  describeBackup,
  lastBackupTime,
  newBackupPath,
  pruneBackups,
  replaceLibraryFile,
} from '../store/backups';
import { listDocuments } from '../store/document-reader';
import { getSetting, setSetting } from '../store/settings';
import { assertNoImport } from '../ingest/domain';

export const DEFAULT_POLICY: BackupPolicy = { keepDaily: 7, intervalHours: 24 };
const POLICY_KEY = 'backups.policy';
/** How often the app looks whether an automatic backup is due. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

export function backupPolicy(ctx: CoreContext): BackupPolicy {
  try {
    const stored = JSON.parse(getSetting(ctx.db, POLICY_KEY) ?? '{}') as Partial<BackupPolicy>;
    return { ...DEFAULT_POLICY, ...stored };
  } catch {
    // A policy the user cannot have written by hand (settings are ours): the defaults stand.
    return DEFAULT_POLICY;
  }
}

export function setBackupPolicy(ctx: CoreContext, policy: BackupPolicy): BackupPolicy {
  assertWritable(ctx);
  setSetting(ctx.db, POLICY_KEY, JSON.stringify(policy));
  return backupPolicy(ctx);
}

function assertWritable(ctx: CoreContext): void {
  if (ctx.db.readonly) throw new AppError('library_read_only');
}

function infoOf(ctx: CoreContext, id: string): BackupInfo {
  const info = describeBackup(ctx.databasePath, id, ctx.nativeBinding);
  if (!info) throw new AppError('not_found', { what: '备份', id });
  return info;
}

/** A backup in the library's backups folder, made now. */
export async function backupNow(ctx: CoreContext, reason: BackupReason = 'manual'): Promise<BackupInfo> {
  const file = newBackupPath(ctx.databasePath, reason);
  await backupTo(ctx.db, file);
  return infoOf(ctx, path.basename(file, '.db'));
}

/** `yandu backup --out FILE`: a copy where the user says, never over an existing file. */
export async function backupToFile(ctx: CoreContext, out: string): Promise<{ file: string; bytes: number }> {
  if (fs.existsSync(out)) throw new AppError('file_exists', { file: out });
  await backupTo(ctx.db, out);
  return { file: out, bytes: fs.statSync(out).size };
}

/** A listed backup's id, else a file the CLI user named; the renderer can only give ids. */
export function resolveBackupSource(databasePath: string, idOrFile: string, allowFiles: boolean): string {
  const listed = backupPathOf(databasePath, idOrFile);
  if (listed) return listed;
  if (allowFiles && fs.existsSync(idOrFile)) return path.resolve(idOrFile);
  throw new AppError('not_found', { what: '备份', id: idOrFile.slice(0, 200) });
}

export interface RestoreResult {
  restored: string;
  /** The backup of the library as it was just before (id in the backups folder). */
  previous: string | null;
  documents: number;
  annotations: number;
}

/**
 * Restores an open core's library from a backup file: the file is checked first (a damaged,
 * foreign or newer file is refused and nothing changes), the current library is backed up, then
 * the core closes the library, the file takes its place, and the core opens it again.
 */
export async function restoreLibrary(ctx: CoreContext, source: string): Promise<RestoreResult> {
  assertWritable(ctx);
  assertNoImport(ctx.databasePath, ctx);
  const facts = inspectLibraryFile(source, ctx.nativeBinding);
  const previous = await backupNow(ctx, 'pre-restore');
  const before = listDocuments(ctx.db).map((d) => d.id);
  ctx.reopen((databasePath) => replaceLibraryFile(databasePath, source, ctx.nativeBinding));
  // Every view may show something else now: name every document of either library.
  const after = listDocuments(ctx.db).map((d) => d.id);
  ctx.events.emit('library:changed', { documentIds: [...new Set([...before, ...after])] });
  return { restored: path.basename(source), previous: previous.id, ...pick(facts) };
}

/**
 * Recovery when the library will not open (damaged): the damaged file is kept, as it is, in the
 * backups folder, and the checked backup takes its place. No core is open here.
 */
export function restoreClosedLibrary(
  databasePath: string,
  source: string,
  nativeBinding?: string,
): RestoreResult {
  assertNoImport(databasePath);
  const facts = inspectLibraryFile(source, nativeBinding);
  let previous: string | null = null;
  // Checked before the damaged file is copied aside, so a refusal leaves no trace.
  assertLibraryFree(databasePath, nativeBinding);
  if (fs.existsSync(databasePath)) {
    const keep = newBackupPath(databasePath, 'pre-restore');
    fs.copyFileSync(databasePath, keep);
    if (fs.existsSync(`${databasePath}-wal`)) fs.copyFileSync(`${databasePath}-wal`, `${keep}-wal`);
    previous = path.basename(keep, '.db');
  }
  replaceLibraryFile(databasePath, source, nativeBinding);
  return { restored: path.basename(source), previous, ...pick(facts) };
}

function pick(facts: { documents: number; annotations: number }) {
  return { documents: facts.documents, annotations: facts.annotations };
}

/** Makes the automatic backup when one is due, then keeps only the newest `keepDaily`. */
export async function rollingBackupIfDue(ctx: CoreContext, now = new Date()): Promise<BackupInfo | null> {
  const policy = backupPolicy(ctx);
  if (ctx.db.readonly || policy.intervalHours <= 0) return null;
  const last = lastBackupTime(ctx.databasePath, 'daily');
  const due = last === null || now.getTime() - last >= policy.intervalHours * 3600_000;
  if (!due) return null;
  const made = await backupNow(ctx, 'daily');
  pruneBackups(ctx.databasePath, 'daily', policy.keepDaily);
  return made;
}

/** The app's rolling backups: one check at start, then hourly; failures logged. Returns a stop function. */
export function startRollingBackups(ctx: CoreContext): () => void {
  const check = () =>
    void rollingBackupIfDue(ctx).catch((error: unknown) => logBackgroundError('automatic backup', error));
  check();
  const timer = setInterval(check, CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
