import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../electron/main/annotations/service';
import { briefingPrintDocument, toPrintDocument } from '../../../electron/main/briefings/print-document';
import { addItem, createBriefing } from '../../../electron/main/briefings/service';
import { openDatabase } from '../../../electron/main/store/database';
import { glossaryOfDocuments } from '../../../electron/main/store/document-reader';
import type { Briefing, BriefingItem } from '../../../shared/domain/briefings';
import { addSeed } from '../annotations/seed-library';

const item = (over: Partial<BriefingItem>): BriefingItem => ({
  id: 'i',
  kind: 'excerpt',
  level: 1,
  text: '',
  documentId: 'd',
  passageId: 'p',
  start: 0,
  end: 0,
  citation: '',
  status: 'ok',
  sourceText: null,
  marks: [],
  ...over,
});

describe('a briefing as a print document', () => {
  it('maps headings, commentary and excerpts with marks, flags and the glossary they use', () => {
    const briefing: Briefing = {
      id: 'b',
      title: '学习材料',
      audience: '',
      date: '2021-03-01',
      created: '',
      updated: '',
      items: [
        item({ kind: 'heading', level: 2, text: '（一）稳住基本盘', documentId: null, status: null }),
        item({
          text: '扎实做好“六稳”工作。',
          citation: '《示例》一第1段',
          marks: [
            {
              annotationId: 'a',
              start: 4,
              end: 8,
              kind: 'note',
              color: 'red',
              note: '见名词解释',
              tags: ['六稳'],
            },
            // A mark seen before the source changed, beyond the quote: not printable.
            { annotationId: 'z', start: 20, end: 30, kind: 'highlight', color: 'yellow', note: '', tags: [] },
          ],
        }),
        item({ kind: 'note', text: '我的评注', documentId: null, status: null }),
        item({ text: '设置970个卡口。', status: 'drifted', citation: '《示例》一（一）第1段' }),
      ],
    };
    const doc = toPrintDocument(briefing, {
      leadOf: (i) => (i.text.startsWith('扎实') ? '扎实做好' : null),
      glossary: [
        { term: '六稳', definition: '稳就业……', source: '示例' },
        { term: '六稳', definition: '重复的定义', source: '另一份' },
        { term: '六保', definition: '未被引用', source: '示例' },
      ],
    });
    expect(doc).toMatchObject({ title: '学习材料', subtitle: null, date: '2021-03-01' });
    expect(doc.blocks).toEqual([
      { kind: 'heading', level: 2, text: '（一）稳住基本盘' },
      {
        kind: 'excerpt',
        text: '扎实做好“六稳”工作。',
        lead: '扎实做好',
        citation: '《示例》一第1段',
        status: 'ok',
        marks: [{ start: 4, end: 8, style: 'note', color: 'red', note: '见名词解释', tags: ['六稳'] }],
      },
      { kind: 'commentary', text: '我的评注' },
      expect.objectContaining({ kind: 'excerpt', status: 'drifted', lead: null }),
    ]);
    expect(doc.glossary).toEqual([{ term: '六稳', definition: '稳就业……', source: '示例' }]);
  });

  it('reads a stored briefing with live highlights and the seed glossary', () => {
    const db = openDatabase(':memory:');
    const doc = addSeed(db);
    const term = glossaryOfDocuments(db, [doc])[0]!;
    const passage = db
      .prepare(`SELECT id, text FROM passages WHERE document_id = ? AND instr(text, ?) > 0 LIMIT 1`)
      .get(doc, term.term) as { id: string; text: string };
    const b = createBriefing(db, { title: '简报', audience: '供学习参考' });
    createAnnotation(db, { passageId: passage.id, start: 0, end: 5, note: '注一' });
    addItem(db, { briefingId: b.id, addition: { kind: 'excerpt', passageId: passage.id } });
    const printed = briefingPrintDocument(db, b.id);
    expect(printed.subtitle).toBe('供学习参考');
    const excerpt = printed.blocks[0]!;
    expect(excerpt).toMatchObject({ kind: 'excerpt', text: passage.text, status: 'ok' });
    if (excerpt.kind === 'excerpt') {
      expect(excerpt.citation).toContain('《2021年湖里区人民政府工作报告》');
      expect(excerpt.marks).toEqual([expect.objectContaining({ start: 0, end: 5, note: '注一' })]);
    }
    expect(printed.glossary.map((g) => g.term)).toContain(term.term);
  });
});
