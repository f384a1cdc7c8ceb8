import fs from 'node:fs';
import path from 'node:path';

export { CORPUS_DIR, corpusAvailable } from '../../helpers/corpus';
import { CORPUS_DIR } from '../../helpers/corpus';

/**
 * What a reader of each file sees, written down by hand from the file itself: where the body
 * starts and ends (a prefix of its first and last line), where its glossary and appendices are,
 * and how many glossary entries and inline markers it has. Lines in `ignore` lie inside the body
 * range but are not the document (photo captions).
 */
export interface CorpusCase {
  file: string;
  title: string;
  level: string;
  body: [start: string, end: string];
  glossary: number;
  markers: number;
  glossaryRange?: [start: string, end: string];
  appendix?: [start: string, end: string];
  ignore?: string[];
}

export const CORPUS: CorpusCase[] = [
  {
    file: 'huli-2021.txt',
    title: '2021年湖里区人民政府工作报告',
    level: 'district',
    body: ['各位代表:', '各位代表!站在新的历史交汇点'],
    glossary: 34,
    markers: 34,
    glossaryRange: ['1.六稳:', '34.“一件事”套餐服务'],
  },
  {
    file: 'hainan-2026.txt',
    title: '2026年海南省政府工作报告',
    level: 'province',
    body: ['各位代表：', '各位代表，新的蓝图已经绘就'],
    glossary: 28,
    markers: 28,
    glossaryRange: ['［1］一降三减', '一般地方性法规制定权'],
  },
  {
    file: 'guangdong-2026.txt',
    title: '2026年广东省政府工作报告',
    level: 'province',
    body: ['各位代表：', '各位代表！奋进正当其时'],
    glossary: 13,
    markers: 0,
    appendix: ['附件1', '新建和改造提升农村公路2500公里'],
    glossaryRange: ['1.“四上”企业', '指县级以上人民政府行政主管部门依据'],
  },
  {
    file: 'jiangxi-2026.txt',
    title: '2026年江西省政府工作报告',
    level: 'province',
    body: ['各位代表：', '各位代表！大道至简'],
    glossary: 26,
    markers: 0,
    glossaryRange: ['1.“2030启航计划”', '26.治安“三张图”'],
  },
  {
    file: 'sichuan-2026.txt',
    title: '2026年四川省人民政府工作报告',
    level: 'province',
    body: ['各位代表：', '各位代表！骐骥迎春至'],
    glossary: 20,
    markers: 0,
    glossaryRange: ['1.“两重”', '20.“一件事”全链条专项整治'],
  },
  {
    file: 'fujian-2026.txt',
    title: '2026年福建省政府工作报告',
    level: 'province',
    body: ['各位代表：', '各位代表！让我们更加紧密地团结'],
    glossary: 0,
    markers: 0,
  },
  {
    file: 'guizhou-2026.txt',
    title: '2026年贵州省政府工作报告',
    level: 'province',
    body: ['各位代表：', '各位代表！新征程使命在肩'],
    glossary: 0,
    markers: 0,
  },
  {
    file: 'qinghai-2026.txt',
    title: '2026年青海省政府工作报告',
    level: 'province',
    body: ['各位代表：', '各位代表！时代浪潮奔涌向前'],
    glossary: 0,
    markers: 0,
  },
  {
    file: 'hulunbuir-hailar-2012.txt',
    title: '2012年海拉尔区政府工作报告',
    level: 'district',
    body: ['各位代表：', '各位代表！回顾过去，成绩喜人'],
    glossary: 0,
    markers: 0,
  },
  {
    file: 'hulunbuir-hailar-2019.txt',
    title: '2019年呼伦贝尔市海拉尔区政府工作报告',
    level: 'district',
    body: ['各位代表：', '各位代表，幸福靠奋斗'],
    glossary: 0,
    markers: 0,
  },
  {
    file: 'national-1954.txt',
    title: '1954年政府工作报告',
    level: 'national',
    body: ['各位代表：', '五年以來，中央人民政府'],
    glossary: 0,
    markers: 0,
  },
  {
    file: 'national-1956.txt',
    title: '关于１９５５年国家决算和１９５６年国家预算的报告',
    level: 'national',
    body: ['各位代表：', '各位代表！１９５６年国家预算关系到'],
    glossary: 0,
    markers: 0,
    appendix: ['字库未存字注释', '＠②原字钅右加夕'],
  },
  {
    file: 'national-1986.txt',
    title: '关于我国国民经济和社会发展第七个五年计划的报告',
    level: 'national',
    body: ['各位代表：', '全国各民族工人、农民、知识分子'],
    glossary: 0,
    markers: 0,
  },
  {
    file: 'national-1998.txt',
    title: '1998年政府工作报告',
    level: 'national',
    body: ['各位代表：', '第九届全国人民代表大会肩负着'],
    glossary: 0,
    markers: 0,
  },
  {
    file: 'national-2020.txt',
    title: '2020年政府工作报告',
    level: 'national',
    body: ['5月22日上午9时', '各位代表！中华民族向来不畏艰难险阻'],
    glossary: 0,
    markers: 0,
  },
  {
    file: 'national-2021.txt',
    title: '2021年政府工作报告',
    level: 'national',
    body: ['各位代表：', '重任在肩，更须砥砺奋进'],
    glossary: 0,
    markers: 0,
  },
  {
    file: 'national-2022.txt',
    title: '2022年政府工作报告',
    level: 'national',
    body: ['各位代表：', '中国的发展从来都是在应对挑战中前进的'],
    glossary: 0,
    markers: 0,
  },
  {
    file: 'national-2024.txt',
    title: '2024年政府工作报告',
    level: 'national',
    body: ['各位代表：', '使命重在担当，奋斗创造未来'],
    glossary: 0,
    markers: 0,
  },
  {
    file: 'national-2025.txt',
    title: '2025年政府工作报告',
    level: 'national',
    body: ['各位代表：', '各位代表！信心凝聚力量'],
    glossary: 0,
    markers: 0,
  },
  {
    file: 'national-2017-govcn.html',
    title: '2017年政府工作报告',
    level: 'national',
    body: ['各位代表：', '使命重在担当，实干铸就辉煌'],
    glossary: 0,
    markers: 0,
    ignore: ['3月5日，第十二届全国人民代表大会第五次会议在北京人民大会堂开幕'],
  },
  {
    file: 'gov-notice-guobanfa-2018-123.html',
    title: '国务院办公厅关于推进政务新媒体健康有序发展的意见',
    level: 'national',
    body: ['各省、自治区、直辖市人民政府', '（此件公开发布）'],
    glossary: 0,
    markers: 0,
  },
  {
    file: 'cpc-20th-congress-2022.txt',
    title: '高举中国特色社会主义伟大旗帜 为全面建设社会主义现代化国家而团结奋斗',
    level: 'national',
    body: ['同志们：', '同志们！党用伟大奋斗创造了百年伟业'],
    glossary: 0,
    markers: 0,
  },
];

/** The file's text as lines; for HTML, the text between tags (a reader's view, not the importer's). */
export function rawLines(file: string): string[] {
  let text = fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8');
  if (file.endsWith('.html'))
    text = text
      .replace(/<[^>]+>/g, '\n')
      .replace(/&nbsp;/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return text.split(/\r?\n/).map((l) => l.replace(/[\s\u00a0\u3000\u200b-\u200d\ufeff]+/g, ' ').trim());
}

/** The raw lines from the one starting with `start` to the one starting with `end`, both included (blank lines kept). */
export function rawRange(lines: string[], [start, end]: [string, string]): string[] {
  const from = lines.findIndex((l) => l.replace(/ /g, '').startsWith(start.replace(/ /g, '')));
  const to = lines.findIndex((l, i) => i >= from && l.replace(/ /g, '').startsWith(end.replace(/ /g, '')));
  if (from === -1 || to === -1) throw new Error(`range ${start} … ${end} not found`);
  return lines.slice(from, to + 1);
}

/** Letters and digits only: punctuation, spacing and full-width forms do not decide whether text is there. */
export const key = (s: string): string => s.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');

const LABEL =
  /^([一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[，,、])\s*/;
/** A heading line: a numbering label and a short title, or a closing part's name. */
const HEADING_LINE =
  /^(([一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[，,、])[^。！？]{1,60}|结束语)$/;

/**
 * The sentences of a raw range as keys, each of which must turn up whole in one passage. Units
 * are what the file itself marks as paragraphs: runs of lines between blank lines where it has
 * them (lines inside a run were split by link markup and are rejoined), else single lines. Heading
 * labels are removed and a heading line stands alone; sentences end at 。！？；：.
 */
export function rawSentences(lines: string[], ignore: string[] = []): string[] {
  const kept = lines.filter((l) => !ignore.some((i) => l.startsWith(i)));
  const blankSeparated = kept.some((l) => l === '');
  const units: string[] = [];
  let unit = '';
  for (const line of kept) {
    const heading = HEADING_LINE.test(line);
    if (!blankSeparated || line === '' || heading) {
      units.push(unit);
      unit = '';
    }
    unit += line.replace(LABEL, '');
    if (heading) {
      units.push(unit);
      unit = '';
    }
  }
  units.push(unit);
  return units
    .flatMap((u) => u.split(/[。！？!?；;：:]/))
    .map(key)
    .filter((k) => k.length >= 2);
}
