import { HTMLElement, NodeType, parse, type Node } from 'node-html-parser';

/** Elements that never hold document text. */
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'nav',
  'aside',
  'form',
  'button',
  'select',
  'option',
  'iframe',
  'svg',
  'canvas',
  'figcaption',
  'object',
  'embed',
]);
/** Page furniture recognised by its class or id. */
const FURNITURE =
  /(^|[-_\s])(nav|menu|breadcrumb|share|footer|header|toolbar|sidebar|comment|related|copyright|pagination)([-_\s]|$)/i;
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'blockquote',
  'pre',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'br',
  'hr',
  'figure',
  'center',
  'header',
  'footer',
  'address',
  'caption',
]);
/** A block around a picture with little text is a photo and its caption, not document text. */
const MAX_CAPTION = 120;

export interface HtmlBlock {
  text: string;
  /** 1–6 for the text of an `<h1>`…`<h6>`, else null. */
  heading: number | null;
}

/**
 * The text blocks of an HTML page (or of a DOCX converted to HTML), one per paragraph, in reading
 * order: navigation, scripts and photo blocks dropped, metadata tables read as `label：value`
 * lines so the title block can use them.
 */
export function htmlBlocks(html: string): string[] {
  return htmlBlockList(html).map((b) => b.text);
}

/** The blocks of `htmlBlocks`, each with the heading level it stood under. */
export function htmlBlockList(html: string): HtmlBlock[] {
  const root = parse(html, { comment: false, blockTextElements: { script: false, style: false, pre: true } });
  const blocks: HtmlBlock[] = [];
  let buffer = '';
  let heading: number | null = null;
  const flush = () => {
    if (buffer.trim()) blocks.push({ text: buffer.trim(), heading });
    buffer = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      buffer += node.text.replace(/[\r\n\t]+/g, ' ');
      return;
    }
    if (!(node instanceof HTMLElement)) return;
    const tag = node.rawTagName?.toLowerCase() ?? '';
    if (SKIP_TAGS.has(tag) || isFurniture(node) || isPhoto(node)) return;
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    if (tag === 'tr' && !node.querySelector('table, p, div, br, li, h1, h2, h3, h4, h5, h6')) {
      for (const line of rowLines(node)) blocks.push({ text: line, heading: null });
      return;
    }
    const level = /^h([1-6])$/.exec(tag)?.[1];
    if (level) heading = Number(level);
    node.childNodes.forEach(walk);
    if (block) flush();
    if (level) heading = null;
  };
  root.childNodes.forEach(walk);
  flush();
  return blocks;
}

function isFurniture(el: HTMLElement): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return FURNITURE.test(names);
}

function isPhoto(el: HTMLElement): boolean {
  const tag = el.rawTagName?.toLowerCase();
  if (tag !== 'div' && tag !== 'figure' && tag !== 'p' && tag !== 'table') return false;
  return el.querySelector('img') !== null && el.text.replace(/\s/g, '').length <= MAX_CAPTION;
}

/** A metadata row (`索 引 号：` | `000014349/2018-00221` | `主题分类：` | …) as `label：value` lines. */
function rowLines(tr: HTMLElement): string[] {
  const cells = tr.childNodes
    .filter((n): n is HTMLElement => n instanceof HTMLElement && /^t[dh]$/i.test(n.rawTagName ?? ''))
    .map((c) => c.text.replace(/\s+/g, ' ').trim());
  const lines: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (/[：:]$/.test(cell) && cell.length <= 12) {
      const value = cells[i + 1] ?? '';
      if (value && !/[：:]$/.test(value)) i++;
      if (value && !/[：:]$/.test(value)) lines.push(`${cell}${value}`);
    } else if (cell) lines.push(cell);
  }
  return lines;
}
