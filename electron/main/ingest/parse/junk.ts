import { isShortLine, type Line } from './normalize';

/**
 * Lines that belong to the web page or the dataset dump, not to the document: toolbars, share
 * widgets, related-link lists, licence trailers. Matched on the compact form (no spaces), whole
 * line only, so a sentence that merely mentions 打印 or 来源 is never dropped.
 */
const JUNK_LINES: RegExp[] = [
  /^(附件下载|扫一扫在手机上查看当前页面|扫一扫在手机打开当前页|打印本页|关闭窗口|打印|下载|全屏|收藏|分享[:：]?|加大|还原|减小)$/,
  /^(相关解读|文字解读|图片解读|视频解读|访谈解读|媒体报道|相关报道[:：]?|相关链接[:：]?|相关文件[:：]?)$/,
  /^【(字体|字号)[:：]?(大中小)?】?$/,
  /^(来源|时间|发布时间|责任编辑|编辑|作者|浏览次数|阅读次数)[:：].{0,40}$/,
  /^(PublicDomain|false|true|版权失效模板|[[\]【】↑])$/i,
  /^注[:：]中文维基文库社群认为/,
];

/** Wikisource's public-domain notice spans several short lines after its first. */
const LICENCE_START = /^(注[:：]中文维基文库社群认为|本作品在全世界都属于公有领域|这部作品在中华人民共和国)/;

export function isJunkLine(line: Line): boolean {
  return isShortLine(line) && JUNK_LINES.some((re) => re.test(line.compact));
}

/** Drops junk lines, a font-size toolbar (`【字体：` … `】`) and a trailing licence notice. */
export function dropJunk(lines: Line[]): Line[] {
  const out: Line[] = [];
  let inToolbar = false;
  for (const line of lines) {
    if (isShortLine(line) && LICENCE_START.test(line.compact)) break;
    if (/^【(字体|字号)[:：]?$/.test(line.compact)) {
      inToolbar = true;
      continue;
    }
    if (inToolbar) {
      if (line.compact.endsWith('】')) inToolbar = false;
      if (line.compact.length <= 4) continue;
      inToolbar = false;
    }
    if (!isJunkLine(line)) out.push(line);
  }
  return out;
}
