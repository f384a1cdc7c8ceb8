import { z } from 'zod';
import type { BackupInfo, BackupPolicy } from '../../domain/backups';
import { channel, idSchema } from '../define';

export interface BackupOverview {
  backups: BackupInfo[];
  policy: BackupPolicy;
  /** The folder the backups are in, shown to the user (never sent back: backups go by id). */
  folder: string;
  readOnly: boolean;
}

export interface RestoreReply {
  restored: string;
  previous: string | null;
  documents: number;
  annotations: number;
}

/** `yandu compact --json` prints this: its field names are a contract. */
export interface CompactReply {
  /** The library's file and WAL before, and its file after (the WAL is written back first). */
  bytesBefore: number;
  bytesAfter: number;
  pageSize: number;
  autoVacuum: 'incremental';
  documents: number;
  annotations: number;
  seconds: number;
}

export const backupChannels = {
  'backups:list': channel(() => z.object({}).strict())<BackupOverview>(),
  'backups:create': channel(() => z.object({}).strict())<BackupInfo>(),
  /** Restores a listed backup by id (the current library is backed up first). */
  'backups:restore': channel(() => z.object({ id: idSchema }).strict())<RestoreReply>(),
  'backups:set-policy': channel(() =>
    z
      .object({
        keepDaily: z.number().int().min(1).max(365),
        intervalHours: z
          .number()
          .int()
          .min(0)
          .max(24 * 30),
      })
      .strict(),
  )<BackupPolicy>(),
  /**
   * Rewrites the library compactly (8 KB pages, free pages given back from then on): checked copy
   * beside it, then swapped in. Reads go on meanwhile; writes are refused until it is done.
   */
  'backups:compact': channel(() => z.object({}).strict())<CompactReply>(),
};
