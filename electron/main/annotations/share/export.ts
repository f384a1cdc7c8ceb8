import type { AnnotationExport } from '../../../../shared/domain/annotations';
import { AppError } from '../../kernel/app-error';
import { citationFor } from '../../store/citation';
import type { Db } from '../../store/database';
import { documentTitlesByYear } from '../../store/document-lookup';
import { passageText } from '../../store/passage-reader';
import { listLinks } from '../../links/domain';
import { libraryId } from '../../store/settings';
import { linkToW3C } from '../../links/domain';
import { listAnnotations } from '../repository';
import { colorLabels } from '../side-tables';
import { exportMarkdown } from './markdown';
import { exportW3C } from './w3c';

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
  const labels = Object.fromEntries(colorLabels(db).map((r) => [r.color, r.label]));
  const perDoc = docs.map((d) => ({ ...d, annotations: listAnnotations(db, { documentId: d.id }) }));
  const count = perDoc.reduce((n, d) => n + d.annotations.length, 0);
  const stem = documentId ?? 'all';
  const generated = now.toISOString();
  if (format === 'w3c') {
    const items = perDoc.flatMap((d) =>
      d.annotations.map((a) => ({
        ...a,
        passageText: a.passageId ? (passageText(db, a.passageId) as string) : null,
        colorLabel: labels[a.color] ?? a.color,
      })),
    );
    const label = documentId ? `《${docs[0]!.title}》批注` : '研读批注（全部文档）';
    return {
      filename: `${stem}-annotations.jsonld`,
      mime: 'application/ld+json',
      text: exportW3C(
        items,
        { id: `urn:yandu:library:${library()}:annotations:${stem}`, label, generated },
        listLinks(db, documentId ?? null).map(linkToW3C),
      ),
      count,
    };
  }
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
