import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { ParsedDocument } from '../../../electron/main/ingest/parsed-document';
import { readDocument } from '../../../electron/main/ingest/read-document';
import { describeCorpus } from '../../helpers/corpus';
import { CORPUS, CORPUS_DIR, key, rawLines, rawRange, rawSentences } from './corpus-cases';

/** Passage texts as printed (markers put back) reduced to keys, for one kind of passage. */
function printed(doc: ParsedDocument, kind: 'body' | 'appendix'): string[] {
  return doc.passages
    .filter((p) => p.kind === kind)
    .map((p) => {
      let text = p.text;
      const markers = p.footnotes.filter((f) => f.source === 'marker').sort((a, b) => b.offset - a.offset);
      for (const f of markers)
        text = text.slice(0, f.offset) + String(doc.glossary[f.glossaryIndex]!.number) + text.slice(f.offset);
      return key(text);
    });
}

const missingFrom = (sentences: string[], places: string[]) =>
  sentences.filter((s) => !places.some((p) => p.includes(s)));
const markerCount = (doc: ParsedDocument) =>
  doc.passages.reduce((n, p) => n + p.footnotes.filter((f) => f.source === 'marker').length, 0);

/** Lines a page or dump wraps around a document; none may end up in a passage. */
const JUNK = [
  /^(下载|打印|全屏|收藏|加大|还原|减小|大|中|小|分享[:：]?|】|\[|\])$/,
  /^【(字体|字号)/,
  /^(扫一扫|附件下载|相关(解读|报道|链接|附件)|责任编辑|打印本页|关闭窗口)|Public domain|^false$/,
  /^(来源|时间|编辑)[:：]/,
  /^本作品(是|来自)|中文维基文库|版权失效/,
  /记者.{0,10}摄$/,
];

describeCorpus('every file of the corpus', () => {
  const docs = new Map<string, ParsedDocument>();
  beforeAll(async () => {
    for (const c of CORPUS) docs.set(c.file, (await readDocument(path.join(CORPUS_DIR, c.file))).doc);
  });

  it.each(CORPUS.map((c) => [c.file, c] as const))('%s: title, level, glossary and markers', (_file, c) => {
    const doc = docs.get(c.file)!;
    expect(doc.meta.title).toBe(c.title);
    expect(doc.meta.level).toBe(c.level);
    expect(doc.glossary).toHaveLength(c.glossary);
    expect(doc.glossary.map((g) => g.number)).toEqual(doc.glossary.map((_, i) => i + 1));
    expect(markerCount(doc)).toBe(c.markers);
  });

  it.each(CORPUS.map((c) => [c.file, c] as const))(
    '%s: every sentence of the body is in one passage',
    (_file, c) => {
      const doc = docs.get(c.file)!;
      const lines = rawLines(c.file);
      const sentences = rawSentences(rawRange(lines, c.body), c.ignore);
      expect(sentences.length).toBeGreaterThan(20);
      const places = [...printed(doc, 'body'), ...doc.sections.map((s) => key(s.title))];
      expect(missingFrom(sentences, places)).toEqual([]);
      if (c.appendix)
        expect(missingFrom(rawSentences(rawRange(lines, c.appendix)), printed(doc, 'appendix'))).toEqual([]);
      else expect(doc.passages.filter((p) => p.kind === 'appendix')).toEqual([]);
      if (c.glossaryRange) {
        const entries = doc.glossary.map((g) => key(`${g.number}${g.term}${g.definition}`));
        expect(missingFrom(rawSentences(rawRange(lines, c.glossaryRange)), entries)).toEqual([]);
      }
    },
  );

  it.each(CORPUS.map((c) => [c.file, c] as const))('%s: no page junk in any passage', (_file, c) => {
    const doc = docs.get(c.file)!;
    for (const p of doc.passages) for (const re of JUNK) expect(p.text, p.text).not.toMatch(re);
    for (const ignored of c.ignore ?? [])
      expect(doc.passages.some((p) => p.text.includes(ignored))).toBe(false);
  });

  it('links glossary terms to their mentions where the text has no markers', () => {
    for (const c of CORPUS.filter((x) => x.glossary > 0 && x.markers === 0)) {
      const doc = docs.get(c.file)!;
      const mentions = doc.passages.flatMap((p) => p.footnotes.map((f) => ({ p, f })));
      expect(mentions.length, c.file).toBeGreaterThan(0);
      for (const { p, f } of mentions) {
        expect(f.source).toBe('mention');
        expect(p.kind).toBe('body');
        const term = doc.glossary[f.glossaryIndex]!.term;
        const forms = [term, term.replace(/[“”"]/g, '')];
        expect(
          forms.some((t) => p.text.slice(f.offset - t.length, f.offset) === t),
          `${c.file} ${term}`,
        ).toBe(true);
      }
    }
  });

  it('takes the tasks of recent reports from the year-ahead part only, and quotes every indicator as written', () => {
    for (const c of CORPUS) {
      const doc = docs.get(c.file)!;
      for (const m of doc.measures.filter((x) => x.kind === 'indicator'))
        expect(doc.passages[m.passageIndex]!.text, c.file).toContain(m.title);
      // Recent reports that set off lead phrases (Hailar's are run-in sections without any).
      if (!/^20(1[7-9]|2\d)年.*政府工作报告$/.test(c.title) || !doc.passages.some((p) => p.lead)) continue;
      const tasks = doc.measures.filter((m) => m.kind === 'task');
      expect(tasks.length, c.file).toBeGreaterThan(15);
      const reviewPart = doc.sections.find((s) => s.level === 1)!;
      const inReview = (i: number | null) => {
        for (
          let s = i === null ? null : doc.sections[i];
          s;
          s = s.parentIndex === null ? null : doc.sections[s.parentIndex]
        )
          if (s === reviewPart) return true;
        return false;
      };
      expect(
        tasks.filter((t) => inReview(doc.passages[t.passageIndex]!.sectionIndex)),
        c.file,
      ).toEqual([]);
    }
  });

  it('checks its own yardstick: a lost paragraph is noticed', () => {
    const c = CORPUS.find((x) => x.file === 'guangdong-2026.txt')!;
    const doc = structuredClone(docs.get(c.file)!);
    doc.passages.splice(40, 1);
    const places = [...printed(doc, 'body'), ...doc.sections.map((s) => key(s.title))];
    expect(missingFrom(rawSentences(rawRange(rawLines(c.file), c.body)), places).length).toBeGreaterThan(0);
  });
});
