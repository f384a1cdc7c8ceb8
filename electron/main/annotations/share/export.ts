import type { AnnotationExport } from '../../../../shared/domain/annotations';
import { AppError } from '../../kernel/app-error';
import { citationFor } from '../../store/citation';
import type { Db } from '../../store/database';
import { documentTitlesByYear } from '../../store/document-lookup';
import { passageText } from '../../store/passage-reader';
import { listLinks } from '../../links/domain';
import { libraryId } from '../../store/settings';
import { linkToW3C } from '../../links/domain';
import { listAnnotations, type StoredAnnotation } from '../repository';
import { colorLabels } from '../side-tables';
import { exportMarkdown } from './markdown';
import { exportW3C } from './w3c';

/** Each colour's label, by colour. */
const colorLabelMap = (db: Db): Record<string, string> =>
  Object.fromEntries(colorLabels(db).map((r) => [r.color, r.label]));

/**
 * One document's annotations (or every document's, when `documentId` is omitted) as a file.
 * `library` names the W3C collection's library; by default the library's own id (made and kept in
 * settings on first use).
 */
export function exportAnnotations(
  db: Db,
  documentId: string | undefined,
  format: 'w3c' | 'md',
  now = new Date(),
  library: () => string = () => libraryId(db),
): AnnotationExport {
  const docs = documentTitlesByYear(db, documentId);
  if (documentId && !docs.length) throw new AppError('not_found', { what: '文档', id: documentId });
  const perDoc = docs.map((d) => ({ ...d, annotations: listAnnotations(db, { documentId: d.id }) }));
  const count = perDoc.reduce((n, d) => n + d.annotations.length, 0);
  const stem = documentId ?? 'all';
  const generated = now.toISOString();
  if (format === 'w3c') {
    const items = perDoc.flatMap((d) =>
      d.annotations.map((a) => ({
        ...a,
        passageText: a.passageId ? (passageText(db, a.passageId) as string) : null,
      })),
    );
    const label = documentId ? documentSetLabel(docs[0]!.title) : '研读批注（全部文档）';
    return {
      filename: `${stem}-annotations.jsonld`,
      mime: 'application/ld+json',
      text: w3cCollection(
        db,
        items,
        { library: library(), stem, label, generated },
        listLinks(db, documentId ?? null).map(linkToW3C),
      ),
      count,
    };
  }
  const labels = colorLabelMap(db);
  const markdown = exportMarkdown(
    perDoc
      .filter((d) => d.annotations.length || documentId)
      .map((d) => ({
        title: d.title,
        annotations: d.annotations.map((a) => ({
          ...a,
          // The document heading already names the report.
          citation: a.passageId ? citationFor(db, a.passageId).replace(/^《[^》]*》/, '') : '',
        })),
      })),
    labels,
    generated,
  );
  return { filename: `${stem}-annotations.md`, mime: 'text/markdown', text: markdown, count };
}

/** The label of one document's annotations as a collection: 《title》批注. */
export const documentSetLabel = (title: string) => `《${title}》批注`;

/**
 * Annotations (with the text of their passage, null for an orphan) as a W3C collection named for
 * its library and stem (a document id, or `all`), each with its colour's label.
 */
export function w3cCollection(
  db: Db,
  annotations: readonly (StoredAnnotation & { passageText: string | null })[],
  head: { library: string; stem: string; label: string; generated: string },
  links: readonly unknown[] = [],
): string {
  const labels = colorLabelMap(db);
  return exportW3C(
    annotations.map((a) => ({ ...a, colorLabel: labels[a.color] ?? a.color })),
    {
      id: `urn:yandu:library:${head.library}:annotations:${head.stem}`,
      label: head.label,
      generated: head.generated,
    },
    links,
  );
}
