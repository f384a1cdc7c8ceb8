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
};
