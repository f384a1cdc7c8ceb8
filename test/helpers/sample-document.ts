import type { ParsedDocument } from '../../electron/main/ingest/parsed-document';

/** A small hand-built document for store and IPC tests that must not depend on the parser. */
export function sampleDocument(title = '2021年示例区人民政府工作报告'): ParsedDocument {
  return {
    meta: {
      title,
      issuer: '示例区人民政府',
      date: '2021-01-11',
      level: 'district',
      indexNumber: null,
      speaker: '张三',
      meeting: null,
    },
    sections: [
      { parentIndex: null, level: 1, label: '一', title: '2020年工作回顾' },
      { parentIndex: 0, level: 2, label: '一', title: '疫情防控工作取得显著成效' },
    ],
    passages: [
      {
        sectionIndex: null,
        lead: null,
        text: '各位代表：现在我代表区人民政府向大会报告工作。',
        kind: 'body',
        footnotes: [],
      },
      {
        sectionIndex: 0,
        lead: null,
        text: '扎实做好“六稳”工作。',
        kind: 'body',
        footnotes: [{ offset: 8, glossaryIndex: 0, source: 'marker' }],
      },
      {
        sectionIndex: 1,
        lead: '硬核举措“防扩散”',
        text: '硬核举措“防扩散”。设置970个卡口。',
        kind: 'body',
        footnotes: [],
      },
    ],
    glossary: [{ number: 1, term: '六稳', definition: '稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。' }],
    measures: [
      {
        passageIndex: 2,
        kind: 'task',
        title: '硬核举措“防扩散”',
        indicator: null,
        value: null,
        unit: null,
        change: null,
        qualifier: null,
        period: null,
        status: null,
      },
    ],
  };
}
