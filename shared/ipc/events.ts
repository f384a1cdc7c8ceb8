import type { TeamSyncProgress } from './channels/team';

/** Events main pushes to the renderer (`api.on`). Payloads are plain data. */
export interface EventPayloads {
  /** Progress of a running batch import. */
  'import:progress': ImportProgressEvent;
  /** The library changed (import, replace, delete): views refetch what they show. */
  'library:changed': { documentIds: string[] };
  /** A team sync moving on (the 团队 screen's progress, background syncs included); phase 'done' ends it. */
  'team:progress': TeamSyncProgress;
}

export interface ImportProgressEvent {
  batchId: string;
  file: string;
  index: number;
  total: number;
  phase: 'reading' | 'parsing' | 'storing' | 'done' | 'failed' | 'skipped' | 'cancelled';
  message?: string;
  /** While OCR reads a scanned file (phase `parsing`): pages done so far, of `pages`. */
  page?: number;
  pages?: number;
}

export type EventName = keyof EventPayloads;
export const eventNames: EventName[] = ['import:progress', 'library:changed', 'team:progress'];
