import type { ChosenFile } from '../../../../shared/domain/import';
import { apiClient, ApiError } from '../../lib/api-client';
import { createStore } from '../../lib/store';
import { applyProgress, applyResult, newBatch, type Batch } from './model/batch';

/** The latest batch, shown by the progress strip until dismissed. */
export const importBatch = createStore<Batch | null>(null);

let sequence = 0;

/**
 * Starts importing files main registered (chosen in the dialog or dropped): progress events of
 * this batch move its rows, the reply settles them. One batch at a time is shown; a new one
 * replaces a finished one.
 */
export async function startImport(files: ChosenFile[], replace?: string): Promise<void> {
  if (!files.length) return;
  const batchId = `ui${Date.now().toString(36)}${(sequence++).toString(36)}`;
  importBatch.set(
    newBatch(
      batchId,
      files.map((f) => f.path),
    ),
  );
  let off: (() => void) | undefined;
  try {
    off = apiClient.on('import:progress', (e) => importBatch.set((b) => (b ? applyProgress(b, e) : b)));
  } catch {
    off = undefined;
  }
  try {
    const tokens = files.map((f) => f.token);
    const result = await apiClient.call('imports:start', {
      tokens,
      batchId,
      ...(replace ? { replace } : {}),
    });
    importBatch.set((b) => (b && b.id === batchId ? applyResult(b, result) : b));
  } catch (error) {
    const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
    importBatch.set((b) => (b && b.id === batchId ? { ...b, running: false, error: message } : b));
  } finally {
    off?.();
  }
}

/**
 * Asks main to cancel the running batch; the strip says so until the start request replies with
 * the files it did not reach marked cancelled.
 */
export async function cancelImport(): Promise<void> {
  const batch = importBatch.get();
  if (!batch?.running || batch.cancelling) return;
  importBatch.set((b) => (b && b.id === batch.id ? { ...b, cancelling: true } : b));
  try {
    const { cancelled } = await apiClient.call('imports:cancel', { batchId: batch.id });
    // Nothing was running under that id (it had just finished): the reply settles the strip anyway.
    if (!cancelled) importBatch.set((b) => (b && b.id === batch.id ? { ...b, cancelling: false } : b));
  } catch {
    importBatch.set((b) => (b && b.id === batch.id ? { ...b, cancelling: false } : b));
  }
}

export function dismissImport(): void {
  importBatch.set((b) => (b && !b.running ? null : b));
}
