import { chineseNumeral } from './numerals';
import { simplifyTraditional } from './traditional';
import type { DocumentMetaFields } from './title-block';

/**
 * The year each National People's Congress first sat: from the 6th on, every five years. A
 * session's year is its congress's first year plus the session's number minus one (one session a
 * year), which dates reports that print only `十三届全国人大三次会议`.
 */
const CONGRESS_START: Record<number, number> = { 1: 1954, 2: 1959, 3: 1964, 4: 1975, 5: 1978 };
const congressStart = (n: number) => CONGRESS_START[n] ?? (n >= 6 ? 1983 + 5 * (n - 6) : null);

const NUM = '[\\d一二三四五六七八九十]{1,3}';
/** `第十二届全国人民代表大会第五次会议`, `十三届全国人大三次会议`. */
const NPC_SESSION = new RegExp(`第?(${NUM})届全国人(?:民代表大会|大)第?(${NUM})次[会會][议議]`);
/** `5月22日上午9时，十三届全国人大三次会议…开幕`: the day the session (and the report) opened. */
const OPENING_DAY = /(\d{1,2})月(\d{1,2})日[^。]{0,12}?[，,][^。]{0,6}?届全国人/;
/** `在贵州省第十四届人民代表大会第四次会议上`: the region of a local congress. */
const LOCAL_CONGRESS = /在(.{2,16}?(?:自治区|特别行政区|省|市|区|县|旗|州))第.{1,4}届人民代表大会/;
/** `第七个五年计划` → the plan's first year (1st 1953, 2nd 1958, then from the 3rd in 1966 every five years). */
const FIVE_YEAR_PLAN = new RegExp(`第(${NUM})个五年计划`);
const WORK_REPORT_YEAR = /(\d{4})年.{0,16}?工作报告/;
const ISSUER_PLACE = /^(?:中华人民共和国)?(.+?)(?:人民政府|政府)$/;

export interface PlanMeta {
  issuer: string | null;
  region: string | null;
  year: number | null;
  date: string | null;
  title: string;
}

/** Year of the NPC session a text names, or null. */
export function npcSessionYear(text: string): number | null {
  const m = NPC_SESSION.exec(text);
  if (!m) return null;
  const congress = chineseNumeral(m[1]!);
  const session = chineseNumeral(m[2]!);
  if (congress === null || session === null) return null;
  const start = congressStart(congress);
  return start === null ? null : start + session - 1;
}

/**
 * What the views that compare documents rest on, completed from the whole opening of the text:
 * the issuer (`我代表省人民政府` + the congress of `贵州省` → `贵州省人民政府`; a State Council
 * report told by a news lead → `国务院`), the region it speaks for, the year it plans for (the
 * year its title names, else the NPC session's, else its date's) and a date from a news lead.
 */
export function planMeta(meta: DocumentMetaFields, opening: string): PlanMeta {
  const text = simplifyTraditional(opening.normalize('NFKC'));
  const head = [meta.meeting ?? '', text].join('\n');
  const sessionYear = npcSessionYear(head);
  const localRegion = LOCAL_CONGRESS.exec(head)?.[1] ?? null;
  let issuer = meta.issuer;
  const onBehalf = /我代表(?:中华人民共和国)?(国务院|[省市区县旗州]人民政府|中央人民政府)/.exec(text)?.[1];
  if (!issuer && onBehalf)
    issuer = /^[省市区县旗州]/.test(onBehalf) && localRegion ? `${localRegion}人民政府` : onBehalf;
  if (!issuer && meta.level === 'national' && /国务院总理.{0,8}关于政府工作的报告/.test(text))
    issuer = '国务院';
  if (!issuer && localRegion && /^代?[省市区县旗州]长$/.test(meta.speakerOffice ?? ''))
    issuer = `${localRegion}人民政府`;
  if (issuer === '中华人民共和国国务院') issuer = '国务院';

  let date = meta.date;
  const day = OPENING_DAY.exec(text);
  if (!date && day && sessionYear)
    date = `${sessionYear}-${day[1]!.padStart(2, '0')}-${day[2]!.padStart(2, '0')}`;

  let title = meta.title;
  // A title that is only the file's name, in a text that names its session: `1954年政府工作报告`.
  if (/^[\w.-]+$/.test(title) && sessionYear && /工作報告|工作报告/.test(text))
    title = `${sessionYear}年政府工作报告`;

  return {
    issuer,
    region: regionOf(issuer, meta.level) ?? localRegion,
    year: planYear(title, sessionYear, date ?? meetingDate(meta.meeting)),
    date,
    title,
  };
}

/** `厦门市湖里区人民政府` → `厦门市湖里区`; national issuers speak for no region. */
export function regionOf(issuer: string | null, level: DocumentMetaFields['level']): string | null {
  if (!issuer || level === 'national') return null;
  const place = ISSUER_PLACE.exec(issuer)?.[1];
  return place && /[省市区县旗州]$|自治区$/.test(place) ? place : null;
}

/**
 * The year a report plans for: `2021年湖里区人民政府工作报告` is for 2021 though delivered in
 * December 2020; a budget report names the last year (`1955年国家决算和1956年国家预算` → 1956).
 */
export function planYear(title: string, sessionYear: number | null, date: string | null): number | null {
  const t = title.normalize('NFKC');
  const named = WORK_REPORT_YEAR.exec(t)?.[1];
  if (named) return Number(named);
  const years = [...t.matchAll(/(?<!\d)(1[89]\d\d|20\d\d)年/g)].map((m) => Number(m[1]));
  if (years.length) return Math.max(...years);
  if (sessionYear) return sessionYear;
  const plan = FIVE_YEAR_PLAN.exec(t)?.[1];
  const planNumber = plan ? chineseNumeral(plan) : null;
  if (planNumber) return planNumber <= 2 ? 1953 + 5 * (planNumber - 1) : 1966 + 5 * (planNumber - 3);
  return date ? Number(date.slice(0, 4)) || null : null;
}

/** `2024年1月5日在…会议上` → `2024-01-05`, as a last resort for the year. */
function meetingDate(meeting: string | null): string | null {
  const m = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(meeting?.normalize('NFKC') ?? '');
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null;
}
