import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../electron/main/store/database';
import { getDocumentBundle, listDocuments } from '../../../electron/main/store/document-reader';
import { citationFor } from '../../../electron/main/store/citation';
import { contentHash } from '../../../electron/main/store/content-hash';
import {
  deleteDocument,
  documentYear,
  insertDocument,
  replaceDocument,
} from '../../../electron/main/store/document-writer';
import { sampleDocument } from '../../helpers/sample-document';

describe('document store', () => {
  it('stores a parsed document and reads it back with ids scoped to the document', () => {
    const db = openDatabase(':memory:');
    const id = insertDocument(db, sampleDocument(), { file: 'a.txt', format: 'txt' });
    const bundle = getDocumentBundle(db, id)!;
    expect(bundle.document).toMatchObject({ title: '2021年示例区人民政府工作报告', year: 2021, edition: 1 });
    expect(bundle.sections.map((s) => [s.id, s.parentId, s.level, s.label])).toEqual([
      [`${id}-s1`, null, 1, '一'],
      [`${id}-s2`, `${id}-s1`, 2, '一'],
    ]);
    expect(bundle.passages.map((p) => p.id)).toEqual([`${id}-p1`, `${id}-p2`, `${id}-p3`]);
    expect(bundle.footnotes).toEqual([
      { passageId: `${id}-p2`, offset: 8, glossaryId: `${id}-g1`, source: 'marker' },
    ]);
    expect(bundle.measures[0]).toMatchObject({ id: `${id}-m1`, passageId: `${id}-p3`, kind: 'task' });
    expect(listDocuments(db)).toEqual([
      expect.objectContaining({ id, passages: 3, glossary: 1, measures: 1, level: 'district' }),
    ]);
  });

  it('gives the same content the same id and refuses a duplicate', () => {
    const db = openDatabase(':memory:');
    const first = insertDocument(db, sampleDocument(), { file: 'a.txt', format: 'txt' });
    expect(first).toMatch(/^d[0-9a-f]{10}$/);
    expect(() => insertDocument(db, sampleDocument(), { file: 'b.txt', format: 'txt' })).toThrow(/UNIQUE/);
    expect(listDocuments(db)).toHaveLength(1);
  });

  it('cites a passage by part, section and paragraph', () => {
    const db = openDatabase(':memory:');
    const id = insertDocument(db, sampleDocument(), { file: null, format: null });
    expect(citationFor(db, `${id}-p3`)).toBe('《2021年示例区人民政府工作报告》一（一）第1段');
    expect(citationFor(db, `${id}-p1`)).toBe('《2021年示例区人民政府工作报告》第1段');
  });

  it('replaces content under the same id, handing the aligned editions to the transaction', () => {
    const db = openDatabase(':memory:');
    const id = insertDocument(db, sampleDocument(), { file: null, format: null });
    const revised = sampleDocument();
    revised.passages[2]!.text = '硬核举措“防扩散”。设置980个卡口。';
    let seen: string[] = [];
    let pairs: [string, string | null][] = [];
    const { edition } = replaceDocument(db, id, revised, { file: 'v2.txt', format: 'txt' }, (alignment) => {
      seen = alignment.previous.map((p) => p.id);
      pairs = alignment.previous.map((p, i) => [p.id, alignment.next[alignment.counterpart[i]!]?.id ?? null]);
      expect(alignment.edition.number).toBe(2);
    });
    expect(edition).toBe(2);
    // the new edition's rows are named by its content, as on every desktop holding it
    const e2 = `${id}-e${contentHash(revised).slice(0, 10)}`;
    expect(seen).toEqual([`${id}-p1`, `${id}-p2`, `${id}-p3`]);
    // The edited third passage is paired by similarity, the others by identity.
    expect(pairs).toEqual([
      [`${id}-p1`, `${e2}-p1`],
      [`${id}-p2`, `${e2}-p2`],
      [`${id}-p3`, `${e2}-p3`],
    ]);
    const bundle = getDocumentBundle(db, id)!;
    expect(bundle.passages.map((p) => p.id)).toEqual([`${e2}-p1`, `${e2}-p2`, `${e2}-p3`]);
    expect(bundle.passages[2]!.text).toContain('980');
    expect(bundle.footnotes).toHaveLength(1);
    expect((db.prepare('SELECT count(*) AS n FROM passages').get() as { n: number }).n).toBe(3);
  });

  it("names an edition's rows by its content, alike whichever edition number a library reached", () => {
    const db = openDatabase(':memory:');
    const id = insertDocument(db, sampleDocument(), { file: 'v1.txt', format: 'txt' });
    const revised = sampleDocument();
    revised.passages[2]!.text = '硬核举措“防扩散”。设置980个卡口。';
    const hook = vi.fn();
    // the same content again is no new edition: rows, ids and edition stay, only the source is noted
    expect(replaceDocument(db, id, sampleDocument(), { file: 'copy.txt', format: 'txt' }, hook).edition).toBe(
      1,
    );
    expect(hook).not.toHaveBeenCalled();
    expect(getDocumentBundle(db, id)!.passages.map((p) => p.id)).toEqual([
      `${id}-p1`,
      `${id}-p2`,
      `${id}-p3`,
    ]);
    expect(getDocumentBundle(db, id)!.document.sourceFile).toBe('copy.txt');
    // there and back again: edition 3 holds the first content, under the short form, as a library that never left it
    replaceDocument(db, id, revised, { file: null, format: null });
    expect(replaceDocument(db, id, sampleDocument(), { file: null, format: null }).edition).toBe(3);
    expect(getDocumentBundle(db, id)!.passages.map((p) => p.id)).toEqual([
      `${id}-p1`,
      `${id}-p2`,
      `${id}-p3`,
    ]);
    // a document imported under another library's id (a team's) names the edition as that library does
    const other = openDatabase(':memory:');
    expect(insertDocument(other, revised, { file: null, format: null }, new Date(), id)).toBe(id);
    replaceDocument(db, id, revised, { file: null, format: null });
    const ids = (d: typeof db) => getDocumentBundle(d, id)!.passages.map((p) => p.id);
    expect(ids(other)).toEqual(ids(db));
    expect(ids(db)[0]).toBe(`${id}-e${contentHash(revised).slice(0, 10)}-p1`);
  });

  it('leaves the library unchanged when a replace fails midway', () => {
    const db = openDatabase(':memory:');
    const id = insertDocument(db, sampleDocument(), { file: null, format: null });
    const broken = sampleDocument();
    broken.passages[2]!.text = '硬核举措“防扩散”。设置980个卡口。';
    broken.measures[0]!.passageIndex = 99;
    expect(() => replaceDocument(db, id, broken, { file: null, format: null })).toThrow(/passage 99/);
    expect(getDocumentBundle(db, id)!.document.edition).toBe(1);
    expect(getDocumentBundle(db, id)!.passages).toHaveLength(3);
  });

  it('deletes a document with all its rows', () => {
    const db = openDatabase(':memory:');
    const id = insertDocument(db, sampleDocument(), { file: null, format: null });
    expect(deleteDocument(db, id)).toBe(true);
    for (const table of ['sections', 'passages', 'glossary_entries', 'footnote_refs', 'measures']) {
      expect((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n).toBe(0);
    }
  });
});

describe('documentYear', () => {
  it.each([
    [{ date: '2021-01-11', title: '2021年湖里区人民政府工作报告' }, 2021],
    [{ date: null, title: '2020年政府工作报告' }, 2020],
    [{ date: null, title: '关于１９５５年国家决算和１９５６年国家预算的报告' }, 1955],
    [{ date: '2019-01-20', title: '2018年工作总结' }, 2019],
    [{ date: null, title: '国务院办公厅关于推进政务新媒体健康有序发展的意见' }, null],
    [{ date: null, title: '第12345年' }, null],
  ])('%j → %s', (meta, year) => {
    expect(documentYear(meta)).toBe(year);
  });
});
