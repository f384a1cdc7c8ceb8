import type { Annotation } from '../../../shared/domain/annotations';
import type { Passage, Section } from '../../../shared/domain/library';
import type {
  PrintBlock,
  PrintDocument,
  PrintGlossaryEntry,
  PrintMark,
  PrintScope,
} from '../../../shared/domain/print';
import { listAnnotations } from '../annotations/domain';
import { AppError } from '../kernel/app-error';
import { citationsFor } from '../store/citation';
import type { Db } from '../store/database';
import { getDocumentBundle } from '../store/document-reader';

const COLOR_WORDS = {
  yellow: '黄色',
  red: '红色',
  green: '绿色',
  blue: '蓝色',
  purple: '紫色',
  grey: '灰色',
} as const;

/** What the title block says was printed (`批注摘录 · 标签“防疫”`). */
function scopeLine(scope: PrintScope, sections: Map<string, Section>): string {
  switch (scope.kind) {
    case 'document':
      return '全文（附批注）';
    case 'section': {
      const s = sections.get(scope.sectionId);
      return `摘录：${s ? headingText(s) : scope.sectionId}`;
    }
    case 'annotated':
      return '批注摘录';
    case 'tag':
      return `批注摘录 · 标签“${scope.tag}”`;
    case 'color':
      return `批注摘录 · ${COLOR_WORDS[scope.color]}标注`;
  }
}

export function headingText(s: Section): string {
  if (s.level === 1) return `${s.label}、${s.title}`;
  if (s.level === 2) return `（${s.label}）${s.title}`;
  return `${s.label}. ${s.title}`;
}

const mark = (a: Annotation): PrintMark => ({
  start: a.start,
  end: a.end,
  style: a.kind,
  color: a.color,
  note: a.note,
  tags: a.tags,
});

function matches(a: Annotation, scope: PrintScope): boolean {
  if (scope.kind === 'tag') return a.tags.includes(scope.tag);
  if (scope.kind === 'color') return a.color === scope.color;
  return true;
}

/** The section and every section under it. */
function subtree(sections: Section[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const s of sections)
      if (s.parentId && ids.has(s.parentId) && !ids.has(s.id)) {
        ids.add(s.id);
        grew = true;
      }
  }
  return ids;
}

/**
 * Annotated excerpts of one document as a print document: the passages in scope in reading order
 * under their section headings, each with its marks, notes and citation; the 名词解释 entries those
 * passages refer to; annotations that lost their place (orphans) last, flagged.
 */
export function buildAnnotatedExcerpts(
  db: Db,
  docId: string,
  scope: PrintScope,
  date: string,
): PrintDocument {
  const bundle = getDocumentBundle(db, docId);
  if (!bundle) throw new AppError('not_found', { what: '文档', id: docId });
  const sections = new Map(bundle.sections.map((s) => [s.id, s]));
  if (scope.kind === 'section' && !sections.has(scope.sectionId))
    throw new AppError('not_found', { what: '章节', id: scope.sectionId });
  const annotations = listAnnotations(db, { documentId: docId }).filter((a) => matches(a, scope));
  const byPassage = new Map<string, Annotation[]>();
  for (const a of annotations)
    if (a.status === 'anchored' && a.passageId)
      (byPassage.get(a.passageId) ?? byPassage.set(a.passageId, []).get(a.passageId))?.push(a);

  let chosen: Passage[];
  if (scope.kind === 'document') chosen = bundle.passages;
  else if (scope.kind === 'section') {
    const ids = subtree(bundle.sections, scope.sectionId);
    chosen = bundle.passages.filter((p) => p.sectionId && ids.has(p.sectionId));
  } else chosen = bundle.passages.filter((p) => byPassage.has(p.id));

  const citations = citationsFor(
    db,
    chosen.map((p) => p.id),
  );
  const blocks: PrintBlock[] = [];
  const shown = new Set<string>();
  for (const p of chosen) {
    const path: Section[] = [];
    for (
      let s = p.sectionId ? sections.get(p.sectionId) : undefined;
      s;
      s = s.parentId ? sections.get(s.parentId) : undefined
    )
      path.unshift(s);
    for (const s of path) {
      if (shown.has(s.id)) continue;
      shown.add(s.id);
      blocks.push({
        kind: 'heading',
        level: Math.min(3, Math.max(1, s.level)) as 1 | 2 | 3,
        text: headingText(s),
      });
    }
    blocks.push({
      kind: 'excerpt',
      text: p.text,
      lead: p.lead,
      citation: citations.get(p.id) ?? '',
      marks: (byPassage.get(p.id) ?? []).map(mark),
      status: 'ok',
    });
  }
  for (const a of annotations)
    if (a.status === 'orphaned' && scope.kind !== 'document' && scope.kind !== 'section')
      blocks.push({
        kind: 'excerpt',
        text: a.quote,
        lead: null,
        citation: `《${bundle.document.title}》（原位置已不存在）`,
        marks: [{ ...mark(a), start: 0, end: a.quote.length }],
        status: 'orphaned',
      });

  const inScope = new Set(chosen.map((p) => p.id));
  const printed = chosen.map((p) => p.text).join('\n');
  const usedIds = new Set(bundle.footnotes.filter((f) => inScope.has(f.passageId)).map((f) => f.glossaryId));
  const glossary: PrintGlossaryEntry[] = bundle.glossary
    .filter((g) => usedIds.has(g.id) || printed.includes(g.term))
    .map((g) => ({ term: g.term, definition: g.definition, source: bundle.document.title }));
  return { title: bundle.document.title, subtitle: scopeLine(scope, sections), date, blocks, glossary };
}
