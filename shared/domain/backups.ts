/** Why a backup was made: on demand, the rolling daily one, before a schema upgrade, before a restore. */
export type BackupReason = 'manual' | 'daily' | 'pre-migration' | 'pre-restore';

/** One backup in the library's backups folder, named by id (its file name); main alone knows the path. */
export interface BackupInfo {
  id: string;
  createdAt: string;
  reason: BackupReason;
  bytes: number;
  /** Counts and schema read from the backup itself; null with `problem` set when it cannot be read. */
  documents: number | null;
  annotations: number | null;
  schemaVersion: number | null;
  problem: string | null;
}

export interface BackupPolicy {
  /** How many daily backups are kept (older ones are removed). */
  keepDaily: number;
  /** Hours between two automatic backups; 0 turns them off. */
  intervalHours: number;
}
