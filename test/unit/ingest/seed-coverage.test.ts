import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentBundle } from '../../../shared/domain/library';
import { seedText, storedSeed, withMarkers } from './seed-fixture';

let seed: DocumentBundle;
beforeAll(() => {
  seed = storedSeed();
});

/**
 * Independent of the parser: the body is every raw line from the salutation to the glossary
 * caption. Each of its sentences must be found in some passage as printed (markers put back), and
 * each heading line must have become a section.
 */
describe('the bundled report: nothing of the body is lost', () => {
  const bodyLines = () => {
    const lines = seedText()
      .split('\n')
      .map((l) => l.replace(/[\s\u00a0\u3000]+/g, ' ').trim());
    const start = lines.indexOf('各位代表:');
    const end = lines.findIndex((l) => l.replace(/ /g, '') === '名词解释');
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    return lines.slice(start, end).filter(Boolean);
  };

  it('finds every sentence of the body in some passage', () => {
    const printed = seed.passages.map((p) => withMarkers(seed, p.id, p.text));
    const headings = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/;
    let sentences = 0;
    for (const line of bodyLines()) {
      if (headings.test(line)) continue;
      for (const sentence of line.split(/(?<=[。！？!?])/)) {
        if (!sentence.trim()) continue;
        sentences++;
        expect(
          printed.some((p) => p.includes(sentence.trim())),
          sentence,
        ).toBe(true);
      }
    }
    expect(sentences).toBeGreaterThan(300);
  });

  it('turns every heading line of the body into a section', () => {
    const headingLines = bodyLines().filter((l) =>
      /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/.test(l),
    );
    expect(headingLines).toHaveLength(24);
    const titles = seed.sections.map((s) => s.title);
    for (const line of headingLines) {
      const title = line.replace(/^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/, '');
      expect(titles, line).toContain(title);
    }
  });
});
