/**
 * The human-readable citation of a passage, used on screen, in copies and in print:
 * `《2021年湖里区人民政府工作报告》三（二）第2段` — document, part, section, and the paragraph's
 * number within its innermost section (or within the document before the first section).
 */
export function formatCitation(
  title: string,
  path: { level: number; label: string }[],
  paragraph: number,
): string {
  const place = path.map((s) => (s.level === 1 ? s.label : `（${s.label}）`)).join('');
  return `《${title}》${place}第${paragraph}段`;
}
