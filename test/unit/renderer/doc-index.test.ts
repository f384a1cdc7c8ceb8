import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/main/core/app-core';
import { createCore, seedBundledDocuments } from '../../../electron/main/core/app-core';
import { citationFor } from '../../../electron/main/store/citation';
import { getDocumentBundle } from '../../../electron/main/store/document-reader';
import { insertDocument } from '../../../electron/main/store/document-writer';
import type { DocumentBundle } from '../../../shared/domain/library';
import { excerptWithCitation } from '../../../renderer/src/features/reader/model/citation-text';
import { buildDocIndex, headingLabel } from '../../../renderer/src/features/reader/model/doc-index';
import { sampleDocument } from '../../helpers/sample-document';

let dir: string;
let core: Core;
let seed: DocumentBundle;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-docindex-'));
  core = createCore({ databasePath: path.join(dir, 'library.db') });
  await seedBundledDocuments(core.ctx, 'resources/documents');
  const id = (core.ctx.db.prepare('SELECT id FROM documents').get() as { id: string }).id;
  seed = getDocumentBundle(core.ctx.db, id)!;
});

afterAll(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('buildDocIndex on the bundled report', () => {
  it('cites every passage exactly as the main process does', () => {
    const index = buildDocIndex(seed);
    for (const p of seed.passages) expect(index.citation(p.id)).toBe(citationFor(core.ctx.db, p.id));
    expect(index.citation(seed.passages[0]!.id)).toBe('《2021年湖里区人民政府工作报告》第1段');
  });

  it('puts every passage in the reading order once, each heading before its first passage', () => {
    const index = buildDocIndex(seed);
    const passages = index.blocks.flatMap((b) => (b.type === 'passage' ? [b.passage.id] : []));
    expect(passages).toEqual([...seed.passages].sort((a, b) => a.ordinal - b.ordinal).map((p) => p.id));
    const headings = index.blocks.flatMap((b) => (b.type === 'heading' ? [b.section.id] : []));
    expect(headings).toEqual(seed.sections.map((s) => s.id));
    for (const [i, block] of index.blocks.entries()) {
      if (block.type !== 'passage' || !block.passage.sectionId) continue;
      const headingAt = index.blocks.findIndex(
        (b) => b.type === 'heading' && b.section.id === block.passage.sectionId,
      );
      expect(headingAt).toBeLessThan(i);
    }
  });

  it('builds the outline: 3 parts holding 21 sections, lead phrases under their section', () => {
    const index = buildDocIndex(seed);
    expect(index.outline.map((n) => headingLabel(n.section) + n.section.title)).toEqual([
      '一、2020年和“十三五”工作回顾',
      '二、“十四五”总体规划和二〇三五年远景目标',
      '三、2021年工作建议',
    ]);
    expect(index.outline.map((n) => n.children.length)).toEqual([6, 8, 7]);
    const epidemic = index.outline[0]!.children[0]!;
    expect(headingLabel(epidemic.section)).toBe('（一）');
    expect(epidemic.leads.map((p) => p.lead)).toContain('硬核举措“防扩散”');
    const leads = index.outline.flatMap((n) => n.children.flatMap((c) => c.leads)).length;
    expect(leads).toBe(seed.passages.filter((p) => p.lead).length);
    // Each part's first passage is where a click on it goes.
    expect(index.outline[0]!.firstPassageId).toBe(
      seed.passages.find((p) => p.sectionId === index.outline[0]!.section.id)?.id,
    );
  });

  it('keeps only footnote markers for drawing, by passage', () => {
    const index = buildDocIndex(seed);
    const drawn = [...index.markersByPassage.values()].flat();
    expect(drawn).toHaveLength(seed.footnotes.filter((f) => f.source === 'marker').length);
    expect(drawn.every((f) => f.source === 'marker')).toBe(true);
  });
});

describe('buildDocIndex on a hand-built document', () => {
  it('stops at every section with a passage, in order', () => {
    const id = insertDocument(core.ctx.db, sampleDocument('2021年另一区人民政府工作报告'), {
      file: 'x.txt',
      format: 'txt',
    });
    const bundle = getDocumentBundle(core.ctx.db, id)!;
    const index = buildDocIndex(bundle);
    expect(index.sectionStops.map((s) => [s.section.id, s.firstPassageId])).toEqual([
      [`${id}-s1`, `${id}-p2`],
      [`${id}-s2`, `${id}-p3`],
    ]);
    expect(index.paragraphNumber(`${id}-p3`)).toBe(1);
    expect(index.citation(`${id}-p3`)).toBe('《2021年另一区人民政府工作报告》一（一）第1段');
  });
});

describe('excerptWithCitation', () => {
  it('copies the selected text with the citation of its paragraph, or the span of paragraphs', () => {
    const index = buildDocIndex(seed);
    const [a, b] = [index.passages[5], index.passages[6]];
    expect(excerptWithCitation(index, [{ passageId: a!.id, start: 0, end: 4 }])).toBe(
      `${a!.text.slice(0, 4)}\n（${index.citation(a!.id)}）`,
    );
    const span = excerptWithCitation(index, [
      { passageId: a!.id, start: 2, end: a!.text.length },
      { passageId: b!.id, start: 0, end: 3 },
    ]);
    expect(span).toBe(
      `${a!.text.slice(2)}\n${b!.text.slice(0, 3)}\n（${index.citation(a!.id)}至${index.citation(b!.id).replace(/^《[^》]*》/, '')}）`,
    );
  });
});
