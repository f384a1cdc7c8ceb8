import { latestDrift } from '../../annotations/drift';
import { historyState, redo, undo } from '../../annotations/oplog';
import { listAnnotations, publicView, tagCounts } from '../../annotations/repository';
import {
  createAnnotation,
  deleteAnnotation,
  getPrefs,
  setAuthor,
  setColorLabel,
  updateAnnotation,
} from '../../annotations/service';
import { exportAnnotations } from '../../annotations/share/export';
import { importAnnotations, listConflicts, resolveConflict } from '../../annotations/share/merge';
import { AppError } from '../../kernel/app-error';
import type { CoreContext } from '../../kernel/context';
import type { Handlers } from '../../kernel/api';

type AnnotationHandlers = Pick<Handlers, Extract<keyof Handlers, `annotations:${string}`>>;

/** Annotation channels. Re-anchoring on replace and the annotation search source are installed by createCore. */
export function annotationHandlers(ctx: CoreContext): AnnotationHandlers {
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
