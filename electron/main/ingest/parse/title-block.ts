import type { ParsedDocument } from '../parsed-document';
import { matchHeading } from './headings';
import { isJunkLine } from './junk';
import { levelOf } from './level';
import { isShortLine, type Line } from './normalize';

export type DocumentMetaFields = ParsedDocument['meta'];

export interface TitleBlock {
  meta: DocumentMetaFields;
  /** Index into the given lines of the first line of the body. */
  bodyStart: number;
  /** False when the title is only the file's name. */
  titleFound: boolean;
}

const SALUTATION = /^(各位代表|同志们|各位委员|代表们)([:：!！,，]?$|[:：](现在|我))/;
/** A line of running text: the body has begun, whatever follows. */
const PROSE = /^.{60,}$|[。！？].+[。！？]/;
const FIELD =
  /^•?(索引号|发布机构|发文机关|发布单位|公文生成日期|成文日期|发文日期|发布日期|主题分类|主题词|文号|发文字号|标题)[:：](.*)$/;
const DATE = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
const DATE_LINE =
  /^[（(]?\d{4}[-年/.]\d{1,2}[-月/.]\d{1,2}日?[）)]?(\d{1,2}[:：时]\d{1,2}(分|[:：]\d{1,2})?)?$/;
const MEETING = /在.{2,40}?(会议|大会)上(的报告|的讲话)?$/;
const MEETING_OPEN = /^(——|――|—|-{2,}|[（(])/;
const OFFICE_END = '(?:代?区长|代?省长|代?市长|代?县长|代?旗长|代?州长|总理|主席|主任)';
const PERSON = new RegExp(`^(.{0,30}?${OFFICE_END})([\\u4e00-\\u9fa5]{2,4})$`);
const OFFICE = new RegExp(`${OFFICE_END}$`);
const DOC_NUMBER = /^[\u4e00-\u9fa5]{1,8}〔\d{4}〕\d+号$/;
const PHOTO_CAPTION = /(记者|摄影|图[:：]).{0,16}摄$|^图为/;
/** How far into a file a title block may reach before we give up looking for a salutation. */
const HEADER_SCAN = 40;

const isoDate = (m: RegExpMatchArray) => `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;

interface Collected {
  fields: Map<string, string>;
  titles: string[];
  meeting: string | null;
  office: string | null;
  speaker: string | null;
  dated: string | null;
}

/**
 * Reads the block before the salutation (`各位代表：`): site metadata (索引号, 发布机构, 公文生成日期),
 * the title (spaced, split over lines, or glued to the meeting line), the meeting line (joined when
 * broken over lines), the speaker and office. Files without a salutation keep only a leading run
 * of such lines as their title block.
 */
export function readTitleBlock(lines: Line[], fileName: string): TitleBlock {
  const head = lines.slice(0, HEADER_SCAN);
  const prose = head.findIndex((l) => PROSE.test(l.compact));
  const salutation = head
    .slice(0, prose === -1 ? HEADER_SCAN : prose + 1)
    .findIndex((l) => SALUTATION.test(l.compact));
  const c: Collected = {
    fields: new Map(),
    titles: [],
    meeting: null,
    office: null,
    speaker: null,
    dated: null,
  };
  const limit = salutation === -1 ? Math.min(lines.length, HEADER_SCAN) : salutation;
  let i = 0;
  for (; i < limit; i++) {
    const consumed = readHeaderLine(lines, i, limit, c);
    if (consumed === null) {
      if (salutation === -1) break;
      continue;
    }
    i += consumed;
  }
  const fieldTitle = c.fields.get('标题');
  const meetingDate = c.meeting ? DATE.exec(c.meeting) : null;
  const docDate = [...c.fields.entries()].find(([k]) => /成文日期|公文生成日期|发文日期/.test(k))?.[1];
  const docDateMatch = docDate ? DATE.exec(docDate) : null;
  const date = docDateMatch ? isoDate(docDateMatch) : meetingDate ? isoDate(meetingDate) : c.dated;
  const issuer =
    c.fields.get('发布机构') ?? c.fields.get('发文机关') ?? c.fields.get('发布单位') ?? issuerFrom(c.office);
  const title = fieldTitle ?? chooseTitle(c.titles, c.meeting, date);
  return {
    meta: {
      title: title ?? fileName.replace(/\.[^.]+$/, ''),
      issuer,
      date,
      level: levelOf([issuer, title, c.meeting, c.office].filter(Boolean).join(' ')),
      indexNumber: c.fields.get('索引号') ?? null,
      speaker: c.speaker,
      speakerOffice: c.office,
      meeting: c.meeting,
    },
    bodyStart: salutation === -1 ? i : salutation,
    titleFound: title !== null,
  };
}

/** Classifies one header line into `c`; returns how many extra lines it took, or null if it is none of ours. */
function readHeaderLine(lines: Line[], i: number, limit: number, c: Collected): number | null {
  const line = lines[i]!;
  const t = line.compact;
  // A header field is short: a long line that merely starts like one holds the text itself.
  if (!isShortLine(line)) return null;
  // The outline has begun: a numbered heading, or a Word heading after the title (the title itself
  // is often set in Heading 1).
  if (matchHeading(line.text) || (line.heading && c.titles.length)) return null;
  const field = FIELD.exec(t);
  if (field) {
    if (field[2]) c.fields.set(field[1]!, field[2]);
    return 0;
  }
  if (/^(时间|发布时间|日期)[:：]/.test(t) || DATE_LINE.test(t)) {
    const d = DATE.exec(t);
    if (d && !c.dated) c.dated = isoDate(d);
    return 0;
  }
  // `来源:` ⏎ `四川日报`: the source's name on a line of its own.
  if (/^来源[:：]$/.test(t)) return i + 1 < limit ? 1 : 0;
  if (DOC_NUMBER.test(t) || PHOTO_CAPTION.test(t) || isJunkLine(line)) return 0;
  // `政府工作报告——2024年3月5日在…会议上国务院总理 李强`: title, meeting and speaker in one line.
  const glued = /^(.{2,40}?报告)(——|――)(.+?会议上)(.*)$/.exec(t);
  if (glued) {
    c.titles.push(glued[1]!);
    c.meeting = glued[3]!;
    if (glued[4]) readPerson(glued[4], c);
    return 0;
  }
  if (MEETING_OPEN.test(t) || MEETING.test(t)) {
    let joined = t.replace(MEETING_OPEN, '');
    let extra = 0;
    while (!/上(的报告|的讲话)?[）)]?$/.test(joined) && i + extra + 1 < limit && joined.length < 60)
      joined += lines[i + ++extra]!.compact;
    if (/会议|大会/.test(joined)) {
      c.meeting = joined.replace(/[）)]$/, '').replace(/的(报告|讲话)$/, '');
      return extra;
    }
    const d = DATE.exec(joined);
    if (d && /^\d{4}/.test(joined)) {
      c.dated ??= isoDate(d);
      return extra;
    }
  }
  if (readPerson(t, c)) {
    // `国务院总理` ⏎ `李克强`
    if (!c.speaker && i + 1 < limit && /^[\u4e00-\u9fa5]{2,4}$/.test(lines[i + 1]!.compact)) {
      c.speaker = lines[i + 1]!.compact;
      return 1;
    }
    return 0;
  }
  // `习 近 平`: a spaced name alone, right before the salutation.
  if (/^[\u4e00-\u9fa5](\s[\u4e00-\u9fa5]){1,3}$/.test(line.text) && !c.speaker) {
    c.speaker = t;
    return 0;
  }
  if (t.length >= 2 && t.length <= 60 && !/[。！？!?，,：:；;]/.test(t)) {
    // `政府工作报` ⏎ `告`: a title broken mid-word.
    const next = lines[i + 1]?.compact ?? '';
    if (!/报告$/.test(t) && /^.{1,2}$/.test(next) && /报告$/.test(t + next)) {
      c.titles.push(t + next);
      return 1;
    }
    c.titles.push(t);
    return 0;
  }
  return null;
}

function readPerson(t: string, c: Collected): boolean {
  if (/报告$/.test(t)) return false;
  const person = PERSON.exec(t);
  if (person) {
    c.office = person[1]!;
    c.speaker = person[2]!;
    return true;
  }
  if (OFFICE.test(t) && t.length <= 30) {
    c.office = t;
    return true;
  }
  return false;
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

/**
 * The most specific title line; a bare `政府工作报告` is completed from the meeting line; title
 * lines that do not name a report (`高举中国特色社会主义伟大旗帜` ⏎ `为全面建设…而团结奋斗`) are
 * read together.
 */
function chooseTitle(titles: string[], meeting: string | null, date: string | null): string | null {
  const reports = titles.filter((t) => /报告$/.test(t));
  const specific = reports.find((t) => /\d{4}年|[省市区县]/.test(t.replace(/报告$/, '')));
  if (specific) return specific;
  const generic = reports[0];
  if (generic) {
    const year = meeting ? /(\d{4})年/.exec(meeting)?.[1] : date?.slice(0, 4);
    const region = meeting ? /在(.+?[省市区县旗])第/.exec(meeting)?.[1] : undefined;
    return year ? `${year}年${region ?? ''}${generic}` : generic;
  }
  return titles.length ? titles.join(' ') : null;
}
