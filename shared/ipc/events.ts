/** Events main pushes to the renderer (`api.on`). Payloads are plain data. */
export interface EventPayloads {
  /** Progress of a running batch import. */
  'import:progress': ImportProgressEvent;
  /** The library changed (import, replace, delete): views refetch what they show. */
  'library:changed': { documentIds: string[] };
}

export interface ImportProgressEvent {
  batchId: string;
  file: string;
  index: number;
  total: number;
  phase: 'reading' | 'parsing' | 'storing' | 'done' | 'failed' | 'skipped' | 'cancelled';
  message?: string;
}

export type EventName = keyof EventPayloads;
export const eventNames: EventName[] = ['import:progress', 'library:changed'];
