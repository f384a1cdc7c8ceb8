import { detachAnnotations, reattachDetached } from './detached';
import { latestDrift } from './drift';
import { historyState, redo, undo } from './oplog';
import { reanchorDocument } from './reanchor';
import { listAnnotations, publicView, tagCounts } from './repository';
import { annotationSearchSource } from './search-source';
import {
  createAnnotation,
  deleteAnnotation,
  getPrefs,
  setAuthor,
  setColorLabel,
  updateAnnotation,
} from './service';
import { exportAnnotations } from './share/export';
import { importAnnotations, listConflicts, resolveConflict } from './share/merge';
import { AppError } from '../kernel/app-error';
import type { CoreContext } from '../kernel/context';
import type { Handlers } from '../kernel/api';
import type { Domain } from '../kernel/domain';
import { logBackgroundError } from '../kernel/log';

type AnnotationChannel = Extract<keyof Handlers, `annotations:${string}`>;

/**
 * Annotations: their channels, re-anchoring onto a revised edition, kept as orphans when their
 * document is deleted (and given back when it is imported again), and searchable (live source).
 */
export const annotationsDomain: Domain<AnnotationChannel> = {
  name: 'annotations',
  handlers: annotationHandlers,
  // Passed on as kernel/context.ts types them: a change of the hook's arguments needs no edit here.
  onReplace: (ctx, ...replace) => reanchorDocument(ctx.db, ...replace),
  onDelete: (ctx, documentId, keep) => keep === 'orphan' && detachAnnotations(ctx.db, documentId),
  searchSources: [annotationSearchSource],
  listeners: {
    // A deleted document imported again gets back the annotations its deletion kept.
    'library:changed': (ctx, { documentIds }) => {
      reattachDetached(ctx.db, documentIds).catch((error: unknown) =>
        logBackgroundError('re-attaching kept annotations', error),
      );
    },
  },
};

// What other domains use of annotations: the rows themselves (print prints them beside the text,
// team sync reads and writes them), re-anchoring pieces that briefing excerpts share, what a
// document's deletion keeps of them, and the shared-file export handed over before it.
export { getAnnotation, listAnnotations, putAnnotation, removeAnnotation } from './repository';
export { locate } from './anchoring/locate';
export { anchoredAt, quoteAt } from './anchoring/selectors';
export { annotationCount, detachOrphans, forgetDetachedSince, lastDetachedId } from './detached';
export { exportAnnotations } from './share/export';
export type { StoredAnnotation } from './repository';

function annotationHandlers(ctx: CoreContext): Pick<Handlers, AnnotationChannel> {
  const { db } = ctx;
  const now = () => new Date().toISOString();
  return {
    'annotations:list': (filter) => listAnnotations(db, filter).map(publicView),
    'annotations:create': (input) => createAnnotation(db, input),
    'annotations:update': (input) => updateAnnotation(db, input),
    'annotations:delete': ({ id }) => deleteAnnotation(db, id),
    'annotations:undo': ({ documentId }) => undo(db, documentId),
    'annotations:redo': ({ documentId }) => redo(db, documentId),
    'annotations:history': ({ documentId }) => historyState(db, documentId),
    'annotations:prefs': () => getPrefs(db),
    'annotations:set-color-label': ({ color, label }) => setColorLabel(db, color, label),
    'annotations:set-author': ({ author }) => setAuthor(db, author),
    'annotations:tags': ({ documentId }) => tagCounts(db, documentId),
    'annotations:drift': ({ documentId }) => latestDrift(db, documentId),
    'annotations:export': ({ documentId, format }) => exportAnnotations(db, documentId, format),
    'annotations:import': ({ text }) => importAnnotations(db, text, now()),
    'annotations:conflicts': ({ documentId }) => listConflicts(db, documentId),
    'annotations:resolve': ({ id, keep }) => {
      const resolved = resolveConflict(db, id, keep, now());
      if (!resolved) throw new AppError('not_found', { what: '冲突', id });
      return publicView(resolved);
    },
  };
}
