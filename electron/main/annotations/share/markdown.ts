import type { AnnotationColor } from '../../../../shared/domain/annotations';
import type { StoredAnnotation } from '../repository';

export interface MarkdownDocument {
  title: string;
  annotations: (StoredAnnotation & { citation: string })[];
}

const COLOR_NAMES: Record<AnnotationColor, string> = {
  yellow: '黄',
  red: '红',
  green: '绿',
  blue: '蓝',
  purple: '紫',
  grey: '灰',
};
const KIND_NAMES = { highlight: '高亮', underline: '下划线', note: '批注' } as const;

/** A quote as a Markdown block quote, every line prefixed so that line breaks cannot escape it. */
const blockQuote = (s: string) =>
  s
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');

function entry(a: MarkdownDocument['annotations'][number], labels: Record<string, string>): string {
  const meta = [
    `**${labels[a.color] ?? a.color}**（${COLOR_NAMES[a.color]}色${KIND_NAMES[a.kind]}）`,
    ...(a.tags.length ? [a.tags.map((t) => `#${t.replace(/\s+/g, '_')}`).join(' ')] : []),
    `${a.author} · ${a.updated.slice(0, 10)}`,
  ].join(' · ');
  const lines = [blockQuote(`…${a.prefix.slice(-12)}**${a.quote}**${a.suffix.slice(0, 12)}…`), '', meta];
  if (a.note) lines.push('', a.note);
  return lines.join('\n');
}

/** A readable digest: per document, annotations in text order under their citation; orphans last. */
export function exportMarkdown(
  documents: readonly MarkdownDocument[],
  labels: Record<string, string>,
  generated: string,
): string {
  const out: string[] = [];
  for (const doc of documents) {
    out.push(
      `# 《${doc.title}》批注`,
      '',
      `导出于 ${generated.slice(0, 10)} · 共 ${doc.annotations.length} 条`,
      '',
    );
    const anchored = doc.annotations.filter((a) => a.status === 'anchored');
    const orphans = doc.annotations.filter((a) => a.status === 'orphaned');
    for (const a of anchored) out.push(`## ${a.citation || '（位置不明）'}`, '', entry(a, labels), '');
    if (orphans.length) {
      out.push('## 未能定位的批注（原文已修改）', '');
      for (const a of orphans) out.push(entry(a, labels), '', '---', '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
