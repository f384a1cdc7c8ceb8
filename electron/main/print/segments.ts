import type { AnnotationColor } from '../../../shared/domain/annotations';
import type { PrintExcerpt, PrintOptions } from '../../../shared/domain/print';

export type ExcerptSegment =
  | {
      kind: 'text';
      text: string;
      lead: boolean;
      fill: AnnotationColor | null;
      underline: AnnotationColor | null;
    }
  | { kind: 'ref'; number: number; note: string };

/**
 * An excerpt's text cut at every mark boundary, with the highlight fill and underline of each piece
 * and a numbered note reference after the end of each mark that carries a note. Every format (PDF
 * layout, DOCX, Markdown, HTML) prints from these, so numbering and marks agree across formats.
 */
export function segmentExcerpt(
  excerpt: PrintExcerpt,
  highlightStyle: PrintOptions['highlightStyle'],
  firstNote: number,
): ExcerptSegment[] {
  const text = excerpt.text;
  const marks = excerpt.marks
    .filter((m) => m.start >= 0 && m.end <= text.length && m.start <= m.end)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const leadEnd = excerpt.lead && text.startsWith(excerpt.lead) ? excerpt.lead.length : 0;
  const cuts = new Set([0, text.length, leadEnd]);
  for (const m of marks) cuts.add(m.start).add(m.end);
  const points = [...cuts].sort((a, b) => a - b);
  const out: ExcerptSegment[] = [];
  let number = firstNote;
  for (let i = 0; i < points.length; i++) {
    const at = points[i]!;
    for (const m of marks)
      if (m.end === at && m.note.trim()) out.push({ kind: 'ref', number: number++, note: m.note.trim() });
    const next = points[i + 1];
    if (next === undefined || next === at) continue;
    const active = marks.filter((m) => m.start <= at && m.end >= next && m.style !== 'note');
    const fill = highlightStyle === 'fill' ? active.filter((m) => m.style === 'highlight').pop() : undefined;
    const line = active.filter((m) => m.style === 'underline' || !fill).pop();
    out.push({
      kind: 'text',
      text: text.slice(at, next),
      lead: at < leadEnd,
      fill: fill?.color ?? null,
      underline: line?.color ?? null,
    });
  }
  return out;
}

/** Notes of an excerpt in reference order. */
export const notesOf = (segments: ExcerptSegment[]) =>
  segments.flatMap((s) => (s.kind === 'ref' ? [{ number: s.number, text: s.note }] : []));
