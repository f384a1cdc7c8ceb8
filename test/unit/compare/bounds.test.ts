import { describe, expect, it } from 'vitest';
import { compareNow } from '../../../electron/main/compare/compare-documents';
import type { DocumentBundle } from '../../../shared/domain/library';
import { random } from '../../../bench/generate';

const WORDS = [
  '发展',
  '改革',
  '创新',
  '民生',
  '就业',
  '开放',
  '生态',
  '安全',
  '消费',
  '投资',
  '乡村',
  '城市',
];

/** A document far past every cap: thousands of sections, and one passage of a million characters. */
function hugeBundle(seed: number, id: string): DocumentBundle {
  const rnd = random(seed);
  const sentence = () =>
    `${Array.from({ length: 8 }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join('')}。`;
  const sections = Array.from({ length: 3000 }, (_, k) => ({
    id: `${id}s${k}`,
    parentId: null,
    level: 1,
    label: String(k),
    title: `第${k}部分${sentence()}`,
    ordinal: k,
  }));
  const passages = sections.map((s, k) => ({
    id: `${id}p${k}`,
    sectionId: s.id,
    ordinal: k,
    lead: null,
    text: sentence() + sentence(),
    kind: 'body' as const,
  }));
  passages[0]!.text = Array.from({ length: 60_000 }, sentence).join('');
  return {
    document: { id, title: id, issuer: null, date: null, year: null } as DocumentBundle['document'],
    sections,
    passages,
    glossary: [],
    footnotes: [],
    measures: [],
  };
}

describe('compare bounds', () => {
  it('compares documents past the caps, coarsely but completely: every section and passage listed once', () => {
    const a = hugeBundle(1, 'A');
    const b = hugeBundle(2, 'B');
    const c = compareNow(a, b);
    expect(c.capped).toBe(true);
    for (const side of ['a', 'b'] as const) {
      const listed = c.sections.map((r) => r[side]).filter((x) => x !== null);
      expect(new Set(listed).size).toBe(3000);
      expect(listed).toHaveLength(3000);
      const passages = c.sections.flatMap((r) => r.passages.map((p) => p[side])).filter((x) => x !== null);
      expect(passages).toHaveLength(3000);
    }
  });
});
