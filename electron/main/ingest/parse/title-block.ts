import type { DocumentLevel } from '../../../../shared/domain/library';
import type { ParsedDocument } from '../parsed-document';
import { isJunkLine } from './junk';
import type { Line } from './normalize';

export type DocumentMetaFields = ParsedDocument['meta'];

export interface TitleBlock {
  meta: DocumentMetaFields;
  /** Index into the given lines of the first line of the body. */
  bodyStart: number;
}

const SALUTATION = /^(各位代表|同志们|各位委员|代表们)[:：!！,，]?$/;
const FIELD =
  /^•?(索引号|发布机构|发文机关|发布单位|公文生成日期|成文日期|发文日期|发布日期|主题分类|文号|发文字号)[:：](.*)$/;
const DATE = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
const MEETING = /在.{2,40}?(会议|大会)上(的报告|的讲话)?$/;
const MEETING_OPEN = /^(——|――|—|-{2,}|[（(])/;
const OFFICE = /(代?区长|代?省长|代?市长|代?县长|代?旗长|代?州长|总理|主席|主任|总书记)$/;
const TITLE = /报告$/;
/** How far into a file a title block may reach before we give up looking for a salutation. */
const HEADER_SCAN = 40;

const isoDate = (m: RegExpMatchArray) => `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;

/**
 * Reads the block before the salutation (`各位代表：`): site metadata (索引号, 发布机构, 公文生成日期),
 * the title, the meeting line (joined when broken over lines), the speaker. Files without a
 * salutation keep only a leading run of such lines as their title block.
 */
export function readTitleBlock(lines: Line[], fileName: string): TitleBlock {
  const salutation = lines.slice(0, HEADER_SCAN).findIndex((l) => SALUTATION.test(l.compact));
  const fields = new Map<string, string>();
  const titles: string[] = [];
  let meeting: string | null = null;
  let office: string | null = null;
  let speaker: string | null = null;
  let published: string | null = null;

  let i = 0;
  const limit = salutation === -1 ? Math.min(lines.length, HEADER_SCAN) : salutation;
  for (; i < limit; i++) {
    const c = lines[i]!.compact;
    const field = FIELD.exec(c);
    if (field) {
      fields.set(field[1]!, field[2]!);
      continue;
    }
    if (/^(时间|发布时间)[:：]/.test(c) || /^\d{4}-\d{2}-\d{2}\d{1,2}:\d{2}/.test(c)) {
      const d = DATE.exec(c);
      if (d) published ??= isoDate(d);
      continue;
    }
    if (MEETING_OPEN.test(c) || MEETING.test(c)) {
      let joined = c.replace(MEETING_OPEN, '');
      while (!/上(的报告|的讲话)?[）)]?$/.test(joined) && i + 1 < limit && joined.length < 60)
        joined += lines[++i]!.compact;
      meeting = joined.replace(/[）)]$/, '').replace(/的(报告|讲话)$/, '');
      continue;
    }
    const person = /^(.{0,30}?(?:区长|省长|市长|县长|旗长|州长|总理|主席|主任))(.{2,4})$/.exec(c);
    if (person && !TITLE.test(c)) {
      office = person[1]!;
      speaker = person[2]!;
      continue;
    }
    if (OFFICE.test(c) && c.length <= 30) {
      office = c;
      if (i + 1 < limit && /^[\u4e00-\u9fa5]{2,4}$/.test(lines[i + 1]!.compact))
        speaker = lines[++i]!.compact;
      continue;
    }
    if (TITLE.test(c) && c.length <= 60) {
      titles.push(c);
      continue;
    }
    if (isJunkLine(lines[i]!)) continue;
    // Without a salutation the title block ends at the first line that is none of the above.
    if (salutation === -1) break;
  }

  const meetingDate = meeting ? DATE.exec(meeting) : null;
  const docDate = [...fields.entries()].find(([k]) => /日期/.test(k))?.[1];
  const docDateMatch = docDate ? DATE.exec(docDate) : null;
  const date = docDateMatch ? isoDate(docDateMatch) : meetingDate ? isoDate(meetingDate) : published;
  const issuer =
    fields.get('发布机构') ?? fields.get('发文机关') ?? fields.get('发布单位') ?? issuerFrom(office);
  const title = chooseTitle(titles, meeting, date, fileName);
  return {
    meta: {
      title,
      issuer,
      date,
      level: levelOf([issuer, title, meeting, office].filter(Boolean).join(' ')),
      indexNumber: fields.get('索引号') ?? null,
      speaker,
      speakerOffice: office,
      meeting,
    },
    bodyStart: salutation === -1 ? i : salutation,
  };
}

/** `湖里区人民政府区长` → `湖里区人民政府`; `广东省省长` → `广东省人民政府`; `国务院总理` → `国务院`. */
function issuerFrom(office: string | null): string | null {
  if (!office) return null;
  const gov = /^(.*?人民政府)/.exec(office);
  if (gov) return gov[1]!;
  if (/^国务院/.test(office)) return '国务院';
  const region = /^(.+?[省市区县旗州])(代?[省市区县旗州]长)$/.exec(office);
  return region ? `${region[1]}人民政府` : null;
}

/** The most specific title line; a bare `政府工作报告` is completed from the meeting line. */
function chooseTitle(
  titles: string[],
  meeting: string | null,
  date: string | null,
  fileName: string,
): string {
  const specific = titles.find((t) => /\d{4}年|[省市区县]/.test(t.replace(/报告$/, '')));
  if (specific) return specific;
  const generic = titles[0];
  if (generic) {
    const year = meeting ? /(\d{4})年/.exec(meeting)?.[1] : date?.slice(0, 4);
    const region = meeting ? /在(.+?[省市区县旗])第/.exec(meeting)?.[1] : undefined;
    return year ? `${year}年${region ?? ''}${generic}` : generic;
  }
  return fileName.replace(/\.[^.]+$/, '');
}

export function levelOf(text: string): DocumentLevel {
  if (/国务院|全国人民代表大会|中共中央|全国代表大会/.test(text)) return 'national';
  const region =
    /([\u4e00-\u9fa5]{1,8}?)(自治区|特别行政区|省|市|区|县|旗)(?:人民政府|政府|第|代?[省市区县旗]长|人民代表大会)/g;
  let last: string | null = null;
  for (let m = region.exec(text); m; m = region.exec(text)) last = m[2]!;
  if (last === '省' || last === '自治区') return 'province';
  if (last === '市') return 'city';
  if (last === '区' || last === '县' || last === '旗') return 'district';
  return 'unknown';
}
