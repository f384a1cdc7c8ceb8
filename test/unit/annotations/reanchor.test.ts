import { describe, expect, it } from 'vitest';
import { latestDrift } from '../../../electron/main/annotations/drift';
import { reanchorDocument } from '../../../electron/main/annotations/reanchor';
import { getAnnotation, listAnnotations } from '../../../electron/main/annotations/repository';
import { createAnnotation } from '../../../electron/main/annotations/service';
import { historyState } from '../../../electron/main/annotations/oplog';
import { parseReport } from '../../../electron/main/ingest/report-parser';
import { openDatabase } from '../../../electron/main/store/database';
import { replaceDocument } from '../../../electron/main/store/document-writer';
import { revisedSeed } from './revised-seed';
import { addSeed, findText, passagesOf, seedText } from './seed-library';

function setup() {
  const db = openDatabase(':memory:');
  const doc = addSeed(db);
  const make = (needle: string, within?: string) => {
    const found = within ? findText(db, doc, within) : findText(db, doc, needle);
    const start = found.passage.text.indexOf(needle);
    return createAnnotation(db, { passageId: found.passage.id, start, end: start + needle.length });
  };
  const ann = {
    before: make('在530个小区(自然村)设置970个卡口'),
    after: make('我区地处全市交通枢纽'),
    inside: make('平板显示产业增长13.0%,浪潮、宸鸿等龙头企业增产102.5亿元'),
    deleted: make('助力东乡县于11月21日实现脱贫'),
    shortTerm: make('六稳', '坚持目标导向、问题导向和结果导向'),
    fourChars: make('扬尘治理'),
    shifted: make('牢牢守住安全底线'),
    repeated: make('各位代表', '过去的五年,成绩有目共睹'),
  };
  return { db, doc, ann };
}

function replaceWithRevision(db: ReturnType<typeof openDatabase>, doc: string) {
  replaceDocument(
    db,
    doc,
    parseReport(revisedSeed(), 'huli-2021-revised.txt'),
    { file: null, format: 'txt' },
    (prev) => reanchorDocument(db, doc, prev),
  );
}

describe('re-anchoring on a revised edition of the bundled report', () => {
  it('gives each kind of edit its status and misplaces nothing', () => {
    const { db, doc, ann } = setup();
    const old = Object.fromEntries(Object.entries(ann).map(([k, a]) => [k, getAnnotation(db, a.id)!]));
    replaceWithRevision(db, doc);

    const now = (k: keyof typeof ann) => getAnnotation(db, ann[k].id)!;
    const report = latestDrift(db, doc)!;
    const outcome = (k: keyof typeof ann) => report.items.find((i) => i.annotationId === ann[k].id)!.outcome;
    expect(Object.fromEntries(Object.keys(ann).map((k) => [k, outcome(k as keyof typeof ann)]))).toEqual({
      before: 'moved',
      after: 'exact',
      inside: 'fuzzy',
      deleted: 'orphaned',
      shortTerm: 'orphaned',
      fourChars: 'orphaned',
      shifted: 'exact',
      repeated: 'exact',
    });
    expect(report.counts).toEqual({ exact: 3, moved: 1, fuzzy: 1, orphaned: 3 });
    expect(report.edition).toBe(2);

    const passages = passagesOf(db, doc);
    const textOf = (id: string | null) => passages.find((p) => p.id === id)!.text;
    // Every anchored annotation sits on its quote in the new text, in the paragraph it belongs to.
    for (const a of listAnnotations(db, { documentId: doc, status: 'anchored' })) {
      expect(a.passageId).toMatch(new RegExp(`^${doc}-e[0-9a-f]{10}-p\\d+$`));
      expect(textOf(a.passageId).slice(a.start, a.end)).toBe(a.quote);
    }
    expect(now('before').quote).toBe(old.before!.quote);
    expect(now('before').start).toBe(old.before!.start + '迅速组织全区力量,'.length);
    expect(textOf(now('after').passageId)).toContain('最前沿,任务艰巨');
    expect(now('inside').quote).toBe('平板显示产业增长13.0%,浪潮、宸鸿、天马等龙头企业增产102.5亿元');
    expect(textOf(now('shifted').passageId).startsWith('牢牢守住安全底线')).toBe(true);
    expect(textOf(now('repeated').passageId)).toContain('过去的五年,成绩有目共睹');

    // Orphans keep their quote and old context; the report shows old and new context.
    for (const k of ['deleted', 'shortTerm', 'fourChars'] as const) {
      expect(now(k)).toMatchObject({ status: 'orphaned', passageId: null, quote: old[k]!.quote });
      expect(now(k).prefix).toBe(old[k]!.prefix);
    }
    const inside = report.items.find((i) => i.annotationId === ann.inside.id)!;
    expect(inside.before.quote).toBe('平板显示产业增长13.0%,浪潮、宸鸿等龙头企业增产102.5亿元');
    expect(inside.after?.quote).toContain('天马');
    expect(report.items.find((i) => i.annotationId === ann.deleted.id)!.after).toBeNull();

    const hash = (db.prepare('SELECT content_hash AS h FROM documents').get() as { h: string }).h;
    expect(now('after').editionHash).toBe(hash);
    expect(now('deleted').editionHash).toBe(old.deleted!.editionHash);
    // The undo log pointed at the old passages: it starts afresh.
    expect(historyState(db, doc)).toEqual({ undo: null, redo: null });
  });

  it('re-attaches an orphan when a later edition brings its text back', () => {
    const { db, doc, ann } = setup();
    replaceWithRevision(db, doc);
    expect(getAnnotation(db, ann.deleted.id)!.status).toBe('orphaned');
    replaceDocument(
      db,
      doc,
      parseReport(seedText(), 'huli-2021.txt'),
      { file: null, format: 'txt' },
      (prev) => reanchorDocument(db, doc, prev),
    );
    const back = getAnnotation(db, ann.deleted.id)!;
    expect(back).toMatchObject({ status: 'anchored', quote: '助力东乡县于11月21日实现脱贫' });
    expect(latestDrift(db, doc)!.items.find((i) => i.annotationId === ann.deleted.id)!.outcome).toBe('moved');
  });

  it('rolls the annotations back with a replace that fails', () => {
    const { db, doc, ann } = setup();
    const broken = parseReport(revisedSeed(), 'x.txt');
    broken.measures.push({ ...broken.measures[0]!, passageIndex: 9999 });
    expect(() =>
      replaceDocument(db, doc, broken, { file: null, format: 'txt' }, (prev) =>
        reanchorDocument(db, doc, prev),
      ),
    ).toThrow();
    expect(getAnnotation(db, ann.deleted.id)).toMatchObject({
      status: 'anchored',
      passageId: ann.deleted.passageId,
    });
    expect(latestDrift(db, doc)).toBeNull();
  });
});
