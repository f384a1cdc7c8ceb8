import type { DeleteKeep } from '../../../../shared/domain/document-care';
import { navigation } from '../../app/navigation';
import { ApiError, apiClient } from '../../lib/api-client';
import { download } from '../../lib/download';
import { createStore } from '../../lib/store';

export interface DeletionNotice {
  kind: 'deleted' | 'undone' | 'failed';
  title: string;
  undoId?: string;
  kept?: number;
  exported?: number;
  message?: string;
}

/** The last deletion (with its undo token) or its outcome, shown in the strip until dismissed. */
export const deletionNotice = createStore<DeletionNotice | null>(null);

const messageOf = (error: unknown) =>
  error instanceof ApiError || error instanceof Error ? error.message : String(error);

export async function deleteDocument(docId: string, title: string, keep: DeleteKeep): Promise<void> {
  try {
    const result = await apiClient.call('documents:delete', { id: docId, keep });
    if (result.export) download(result.export.filename, result.export.mime, result.export.text);
    deletionNotice.set({
      kind: 'deleted',
      title,
      undoId: result.undoId,
      kept: result.keptAsOrphans,
      exported: result.export?.count ?? 0,
    });
    // The reader of a document that is gone has nothing to show.
    if (navigation.get().docId === docId && navigation.get().screen === 'reader') navigation.openLibrary();
  } catch (error) {
    deletionNotice.set({ kind: 'failed', title, message: messageOf(error) });
  }
}

export async function undoDeletion(notice: DeletionNotice): Promise<void> {
  if (!notice.undoId) return;
  try {
    await apiClient.call('documents:undo-delete', { undoId: notice.undoId });
    deletionNotice.set({ kind: 'undone', title: notice.title });
  } catch (error) {
    deletionNotice.set({ kind: 'failed', title: notice.title, message: messageOf(error) });
  }
}
