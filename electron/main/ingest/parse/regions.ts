import { isGlossaryCaption } from './glossary';
import { isShortLine, type Line } from './normalize';

/**
 * Where the page around the document starts again after it: editor credits, share widgets,
 * related links, a licence notice. Everything from such a line on is dropped — web pages put
 * nothing of the document after them (sichuan's page even repeats the report's opening there).
 */
const TRAILER =
  /^(责任编辑|编辑|审核|校对|终审)[:：]|^扫一扫|^相关(附件|链接|报道|解读|文件|新闻)|^(附件下载|打印本页|关闭窗口|【打印本页】|【关闭窗口】)$|^本作品(是|来自)|^注[:：]中文维基文库|^[（(]来源[:：].{1,20}[）)]$/;

/** `附件`, `附件1`, `附件2：…` — an attachment after the report, not one of its sections. */
const APPENDIX = /^附件\d{0,2}([:：].{0,30})?$/;
/** Notes on characters the source could not set (`字库未存字注释：` ⏎ `＠①原字石右加安`). */
const NOTES = /^(字库未存字注释|未存字注释)[:：]?$/;

export interface TailRegion {
  kind: 'glossary' | 'appendix';
  /** Caption lines (`附件2`, `名词解释`). */
  caption: Line[];
  lines: Line[];
}

export function cutTrailer(lines: Line[]): Line[] {
  const at = lines.findIndex((l) => isShortLine(l) && TRAILER.test(l.compact));
  return at === -1 ? lines : lines.slice(0, at);
}

/** Splits the lines after the title block into the body and the glossary/appendix regions after it. */
export function splitRegions(lines: Line[]): { body: Line[]; tail: TailRegion[] } {
  const isCaption = (l: Line) => isGlossaryCaption(l) || APPENDIX.test(l.compact) || NOTES.test(l.compact);
  const first = lines.findIndex(isCaption);
  if (first === -1) return { body: lines, tail: [] };
  const tail: TailRegion[] = [];
  for (let i = first; i < lines.length;) {
    const caption = [lines[i]!];
    // `附件2` ⏎ `名词解释`: the second caption line says what the attachment is.
    if (!isGlossaryCaption(lines[i]!) && lines[i + 1] && isGlossaryCaption(lines[i + 1]!))
      caption.push(lines[++i]!);
    const kind = caption.some(isGlossaryCaption) ? 'glossary' : 'appendix';
    let end = i + 1;
    while (end < lines.length && !isCaption(lines[end]!)) end++;
    tail.push({ kind, caption, lines: lines.slice(i + 1, end) });
    i = end;
  }
  return { body: lines.slice(0, first), tail };
}
