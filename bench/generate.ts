import type { ParsedDocument, ParsedPassage } from '../electron/main/ingest/parsed-document';

/** Seeded generator: the same library every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = [
  '湖里区',
  '思明区',
  '海沧区',
  '集美区',
  '同安区',
  '翔安区',
  '鼓楼区',
  '台江区',
  '仓山区',
  '晋安区',
  '海拉尔区',
  '满洲里市',
  '牙克石市',
  '扎兰屯市',
  '额尔古纳市',
  '根河市',
  '南山区',
  '福田区',
  '罗湖区',
  '宝安区',
  '龙岗区',
  '盐田区',
  '天河区',
  '越秀区',
  '海珠区',
  '荔湾区',
  '白云区',
  '黄埔区',
  '番禺区',
  '花都区',
  '锦江区',
  '青羊区',
  '金牛区',
  '武侯区',
  '成华区',
  '龙泉驿区',
  '西湖区',
  '上城区',
  '拱墅区',
  '滨江区',
  '萧山区',
  '余杭区',
  '鼓楼区',
  '玄武区',
  '秦淮区',
  '建邺区',
  '栖霞区',
  '雨花台区',
  '江宁区',
];
const LEVELS = ['district', 'city', 'province', 'national'] as const;

/**
 * Documents with the corpus' vocabulary but new text: each passage is a fresh mix of sentences
 * drawn from the whole corpus, figures changed and places renamed, in the shape (sections,
 * passage count and length, glossary, measures) of a real document picked as template. So term
 * statistics, passage lengths and document sizes are those of a real library of reports.
 */
export function generateLibrary(templates: ParsedDocument[], count: number, seed = 1): ParsedDocument[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const sentences = templates.flatMap((d) =>
    d.passages.flatMap((p) => p.text.split(/(?<=[。；！？])/u).filter((s) => s.length > 4)),
  );
  const refigure = (s: string) =>
    s.replace(/\d+(\.\d+)?/gu, (m) => String(Math.max(1, Math.round(Number(m) * (0.5 + rnd())))));
  const rename = (s: string, place: string) => s.replace(/湖里区|海拉尔区|湖里/gu, place);

  return Array.from({ length: count }, (_, i) => {
    const template = pick(templates);
    const year = 1990 + Math.floor(rnd() * 37);
    const place = pick(PLACES);
    const passages: ParsedPassage[] = template.passages.map((p) => {
      let text = '';
      while (text.length < p.text.length * (0.6 + rnd() * 0.8)) text += refigure(pick(sentences));
      text = rename(text, place);
      const lead = p.lead && rnd() < 0.8 ? rename(p.lead, place) : null;
      return {
        sectionIndex: p.sectionIndex,
        lead,
        text: lead ? `${lead}。${text}` : text,
        kind: p.kind,
        footnotes: [],
      };
    });
    return {
      meta: {
        ...template.meta,
        title: `${year}年${place}人民政府工作报告（第${i + 1}号）`,
        issuer: `${place}人民政府`,
        date: `${year}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`,
        level: pick(LEVELS),
        indexNumber: null,
      },
      sections: template.sections.map((s) => ({ ...s, title: rename(s.title, place) })),
      passages,
      glossary: template.glossary.map((g) => ({ ...g, definition: refigure(g.definition) })),
      measures: template.measures
        .filter((m) => m.passageIndex < passages.length)
        .map((m) => ({ ...m, title: refigure(m.title) })),
    };
  });
}
