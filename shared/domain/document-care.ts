/** What deleting a document did, and the token that undoes it (valid until the app closes). */
export interface DeletedDocument {
  id: string;
  title: string;
  undoId: string;
  /** Annotations the document had. */
  annotations: number;
  /** Of those, how many were kept in the library as orphans (0 when they were exported instead). */
  keptAsOrphans: number;
}

/** What to do with annotations, links and briefing excerpts that point into a deleted document. */
export type DeleteKeep = 'orphan' | 'export';
