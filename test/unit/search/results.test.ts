import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/main/core/app-core';
import { searchServiceFor } from '../../../electron/main/search/search-service';
import { makeSnippet } from '../../../electron/main/search/snippet';
import { citationFor } from '../../../electron/main/store/citation';
import { insertDocument } from '../../../electron/main/store/document-writer';
import { sampleDocument } from '../../helpers/sample-document';
import { libraryWith, SEED, searchAll } from './library';

let core: Core;
let seedId: string;
let sampleId: string;

beforeAll(async () => {
  core = await libraryWith([SEED]);
  seedId = core.ctx.db.prepare(`SELECT id FROM documents`).pluck().get() as string;
  const doc = sampleDocument('2019年示例区人民政府工作报告');
  doc.meta.date = '2019-01-10';
  doc.passages.push(
    {
      sectionIndex: 1,
      lead: null,
      text: '招商引资再创新高，ＲＣＥＰ协议生效。',
      kind: 'body',
      footnotes: [],
    },
    {
      sectionIndex: 1,
      lead: '精准招商引资',
      text: '精准招商引资。围绕主导产业开展以商招商，引进一批龙头项目，带动上下游配套企业集聚发展。',
      kind: 'body',
      footnotes: [],
    },
  );
  sampleId = insertDocument(core.ctx.db, doc, { file: null, format: null });
});
afterAll(() => core?.close());

describe('filters', () => {
  it('kind: keeps only that kind', () => {
    const all = searchAll(core, '六稳');
    expect(new Set(all.hits.map((h) => h.kind)).size).toBeGreaterThan(1);
    const glossary = searchAll(core, '六稳 kind:glossary');
    expect(glossary.total).toBeGreaterThan(0);
    expect(glossary.hits.every((h) => h.kind === 'glossary')).toBe(true);
    expect(glossary.total).toBe(all.hits.filter((h) => h.kind === 'glossary').length);
  });

  it('doc: by id or by a part of the title, year: by year or span', () => {
    expect(searchAll(core, `招商引资 doc:${sampleId}`).hits.every((h) => h.docId === sampleId)).toBe(true);
    expect(searchAll(core, '招商引资 doc:湖里').hits.every((h) => h.docId === seedId)).toBe(true);
    expect(searchAll(core, '招商引资 year:2019').hits.every((h) => h.docId === sampleId)).toBe(true);
    const both = searchAll(core, '招商引资 year:2019-2021');
    expect(new Set(both.hits.map((h) => h.docId))).toEqual(new Set([seedId, sampleId]));
    expect(searchAll(core, '招商引资 year:1999').total).toBe(0);
  });

  it('section: matches the title of the passage’s section or of a part above it', () => {
    const hits = searchAll(core, '防控 section:疫情防控').hits;
    expect(hits.length).toBeGreaterThan(0);
    const sectionOf = core.ctx.db.prepare(
      `WITH RECURSIVE up(id, parent, title) AS (
         SELECT s.id, s.parent_id, s.title FROM passages p JOIN sections s ON s.id = p.section_id WHERE p.id = ?
         UNION ALL SELECT s.id, s.parent_id, s.title FROM sections s JOIN up ON s.id = up.parent)
       SELECT group_concat(title, '|') FROM up`,
    );
    for (const h of hits) expect(sectionOf.pluck().get(h.passageId)).toContain('疫情防控');
    expect(hits.length).toBeLessThan(searchAll(core, '防控').total);
  });
});

describe('ranking', () => {
  it('puts a hit in a lead phrase before the same words in body text', () => {
    const hits = searchAll(core, `招商引资 doc:${sampleId} kind:passage`).hits;
    const text = core.ctx.db.prepare(`SELECT text FROM passages WHERE id = ?`).pluck();
    expect(hits.map((h) => (text.get(h.passageId) as string).slice(0, 4))).toEqual(['精准招商', '招商引资']);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('puts a glossary term before passages that merely mention it', () => {
    const hits = searchAll(core, '六稳').hits;
    expect(hits[0]).toMatchObject({ kind: 'glossary', field: 'term' });
  });

  it('returns pages that continue one another', () => {
    const service = searchServiceFor(core.ctx);
    // More hits than lunr re-ranks, so the pages run across the end of its window.
    const all = service.hits('区', { limit: 1000 }).hits;
    const page3 = service.hits('区', { offset: 40, limit: 20 }).hits;
    expect(all.length).toBeGreaterThan(60);
    expect(page3).toEqual(all.slice(40, 60));
    expect(all.map((h) => h.score)).toEqual([...all.map((h) => h.score)].sort((a, b) => b - a));
  });
});

describe('what the overlay gets', () => {
  it('gives citations the reader uses, labels, and snippets whose ranges show the hit', () => {
    const response = searchServiceFor(core.ctx).query('ｒｃｅｐ', { limit: 20 });
    expect(response.total).toBeGreaterThan(0);
    for (const hit of response.hits) {
      if (hit.passageId) expect(hit.citation).toBe(citationFor(core.ctx.db, hit.passageId));
      for (const [s, e] of hit.snippet.ranges)
        expect(hit.snippet.text.slice(s, e)).toMatch(/^(rcep|ＲＣＥＰ)$/i);
    }
    const sample = response.hits.find((h) => h.docId === sampleId)!;
    expect(sample.snippet.text.slice(...sample.snippet.ranges[0]!)).toBe('ＲＣＥＰ');
    expect(response.byDoc.map((d) => d.docId).sort()).toEqual([seedId, sampleId].sort());
    expect(response.byKind.passage + response.byKind.glossary + response.byKind.measure).toBe(response.total);
  });

  it("shows a glossary entry's or a measure's own texts and label, read for the whole page at once", () => {
    const service = searchServiceFor(core.ctx);
    const db = core.ctx.db;
    const source = (kind: string) => core.ctx.searchSources.find((s) => s.kind === kind)!;
    let checked = 0;
    for (const query of ['kind:glossary', 'kind:measure'])
      for (const hit of service.query(query, { limit: 500 }).hits) {
        const { textOf, labelOf } = source(hit.kind);
        let text = textOf!(db, hit.recordId, hit.field)!;
        if (hit.kind === 'glossary' && hit.field === 'term')
          text = `${text}：${textOf!(db, hit.recordId, 'definition')}`;
        expect(hit.snippet).toEqual(makeSnippet(text, hit.ranges));
        expect(hit.label).toBe(labelOf!(db, hit.recordId));
        checked++;
      }
    // Terms, definitions, measure titles and indicators (whose label is not their title) were among them.
    const fields = new Set(
      ['kind:glossary', 'kind:measure'].flatMap((q) => service.query(q, { limit: 500 }).hits.map((h) => h.field)),
    );
    expect([...fields].sort()).toEqual(['definition', 'indicator', 'term', 'title']);
    expect(checked).toBeGreaterThan(20);
  });

  it('numbers every passage as its citation does, before the first section and in nested ones', () => {
    // A filter-only query lists every passage: each citation's paragraph comes from the index.
    const service = searchServiceFor(core.ctx);
    const total = service.query('kind:passage', { limit: 1 }).total;
    const places = new Set<string>();
    for (let offset = 0; offset < total; offset += 200)
      for (const hit of service.query('kind:passage', { offset, limit: 200 }).hits) {
        expect(hit.citation).toBe(citationFor(core.ctx.db, hit.passageId!));
        places.add(hit.citation.replace(/第\d+段$/u, ''));
      }
    const counted = core.ctx.db.prepare(`SELECT count(*) FROM passages`).pluck().get() as number;
    expect(total).toBe(counted);
    // Passages outside any section, in a part, and in a part's section were all among them.
    expect([...places].some((p) => p.endsWith('》'))).toBe(true);
    expect([...places].some((p) => /》[^（]+$/u.test(p))).toBe(true);
    expect([...places].some((p) => /）$/u.test(p))).toBe(true);
  });

  it('cuts long texts around the first hit and marks the cuts', () => {
    const text = `${'前文。'.repeat(40)}关键词在这里${'后文'.repeat(80)}`;
    const at = text.indexOf('关键词');
    const snippet = makeSnippet(text, [[at, at + 3]]);
    expect(snippet.before && snippet.after).toBe(true);
    expect(snippet.text.length).toBeLessThanOrEqual(111);
    expect(snippet.text.slice(...snippet.ranges[0]!)).toBe('关键词');
  });

  it('reports unknown filter values and finds nothing without a term or a filter', () => {
    const service = searchServiceFor(core.ctx);
    expect(service.query('两岸 kind:foo', {}).unknown).toEqual(['kind:foo']);
    expect(service.query('', {}).total).toBe(0);
    expect(service.query('-疫情', {}).total).toBe(0);
  });

  it('a query of filters only lists every record they select, in reading order', () => {
    const db = core.ctx.db;
    const measures = searchAll(core, 'year:2021 kind:measure');
    expect(measures.total).toBeGreaterThan(0);
    expect(measures.hits.every((h) => h.kind === 'measure' && h.docId === seedId)).toBe(true);
    const measureIds = new Set(measures.hits.map((h) => h.recordId));
    expect(measureIds.size).toBe(
      db.prepare(`SELECT count(*) FROM measures WHERE document_id = ?`).pluck().get(seedId) as number,
    );

    const passages = searchAll(core, 'doc:湖里 kind:passage');
    const ids = db
      .prepare(`SELECT id FROM passages WHERE document_id = ? ORDER BY ordinal`)
      .pluck()
      .all(seedId) as string[];
    expect(passages.hits.map((h) => h.passageId)).toEqual(ids);
    // An exclusion still applies to a filtered list.
    const withoutEpidemic = searchAll(core, 'doc:湖里 kind:passage -疫情');
    expect(withoutEpidemic.total).toBeLessThan(passages.total);
    expect(withoutEpidemic.total).toBeGreaterThan(0);
  });

  it('ranks past the first 50 window by window: scores never rise, pages join up exactly', () => {
    const service = searchServiceFor(core.ctx);
    const all = service.hits('区', { limit: 200 });
    expect(all.total).toBeGreaterThan(60);
    const scores = all.hits.map((h) => h.score);
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThanOrEqual(scores[i - 1]!);
    // A fresh query paged 50 at a time lists the same hits in the same order as one long page.
    const paged = [0, 50].flatMap((offset) => service.hits('区', { offset, limit: 50 }).hits);
    expect(paged.map((h) => `${h.kind}:${h.recordId}:${h.field}`)).toEqual(
      all.hits.map((h) => `${h.kind}:${h.recordId}:${h.field}`),
    );
  });
});

describe('hits of one document, unranked', () => {
  it('lists every hit of that document alone, in reading order, with its folded text', () => {
    const { result } = searchServiceFor(core.ctx).index.search('"招商引资" kind:passage');
    const hits = result.hitsInDocument(sampleId);
    const stored = core.ctx.db
      .prepare(`SELECT id, text FROM passages WHERE document_id = ? ORDER BY ordinal`)
      .all(sampleId) as { id: string; text: string }[];
    const expected = stored.filter((p) => p.text.includes('招商引资'));
    expect(expected.length).toBeGreaterThan(1);
    expect(hits.map((h) => h.passageId)).toEqual(expected.map((p) => p.id));
    expect(hits.length).toBe(result.byDoc.find((d) => d.docId === sampleId)?.count);
    for (const h of hits) expect(h.folded.length).toBe(stored.find((p) => p.id === h.passageId)!.text.length);
    expect(result.hitsInDocument('no-such-document')).toEqual([]);
  });
});
