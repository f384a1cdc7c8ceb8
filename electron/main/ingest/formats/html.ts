import type { HTMLElement, Node } from 'node-html-parser';
import { lazyPackage } from '../../kernel/lazy-package';

const htmlParser = lazyPackage<typeof import('node-html-parser')>('node-html-parser');

// node-html-parser's NodeType values (a DOM convention), so that telling nodes apart needs no
// loaded package.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const isElement = (node: Node): node is HTMLElement => node.nodeType === ELEMENT_NODE;

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

/** What `htmlBlockList` needs to know of an element's subtree, gathered once bottom-up. */
interface Subtree {
  hasImage: boolean;
  /** Characters of text other than whitespace, counted up to MAX_CAPTION + 1. */
  textLength: number;
  /** Holds a block that makes a table row more than a metadata row. */
  hasRowBlock: boolean;
}

const ROW_BLOCKS = new Set(['table', 'p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** The blocks of `htmlBlocks`, each with the heading level it stood under. */
export function htmlBlockList(html: string): HtmlBlock[] {
  const root = htmlParser().parse(html, { comment: false, blockTextElements: { script: false, style: false, pre: true } });
  const subtrees = summarize(root);
  const blocks: HtmlBlock[] = [];
  let buffer: string[] = [];
  let heading: number | null = null;
  const flush = () => {
    const text = buffer.join('').trim();
    if (text) blocks.push({ text, heading });
    buffer = [];
  };
  // An explicit stack instead of recursion: a page nested a hundred thousand deep still reads.
  type Step = { node: Node; leave?: { block: boolean; level: boolean } };
  const stack: Step[] = [...root.childNodes].reverse().map((node) => ({ node }));
  for (let step = stack.pop(); step; step = stack.pop()) {
    const { node, leave } = step;
    if (leave) {
      if (leave.block) flush();
      if (leave.level) heading = null;
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      buffer.push(node.text.replace(/[\r\n\t]+/g, ' '));
      continue;
    }
    if (!isElement(node)) continue;
    const tag = node.rawTagName?.toLowerCase() ?? '';
    const subtree = subtrees.get(node)!;
    if (SKIP_TAGS.has(tag) || isFurniture(node) || isPhoto(tag, subtree)) continue;
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    if (tag === 'tr' && !subtree.hasRowBlock) {
      for (const line of rowLines(node)) blocks.push({ text: line, heading: null });
      continue;
    }
    const level = /^h([1-6])$/.exec(tag)?.[1];
    if (level) heading = Number(level);
    stack.push({ node, leave: { block, level: !!level } });
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push({ node: node.childNodes[i]! });
  }
  flush();
  return blocks;
}

/** Every element's `Subtree`, children before parents, without recursion. */
function summarize(root: HTMLElement): Map<HTMLElement, Subtree> {
  const out = new Map<HTMLElement, Subtree>();
  const order: HTMLElement[] = [];
  const stack: HTMLElement[] = [root];
  for (let el = stack.pop(); el; el = stack.pop()) {
    order.push(el);
    for (const child of el.childNodes) if (isElement(child)) stack.push(child);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i]!;
    const own: Subtree = { hasImage: false, textLength: 0, hasRowBlock: false };
    for (const child of el.childNodes) {
      if (isElement(child)) {
        const sub = out.get(child)!;
        const tag = child.rawTagName?.toLowerCase() ?? '';
        own.hasImage ||= sub.hasImage || tag === 'img';
        own.hasRowBlock ||= sub.hasRowBlock || ROW_BLOCKS.has(tag);
        own.textLength += sub.textLength;
      } else if (child.nodeType === TEXT_NODE)
        own.textLength += child.text.replace(/\s/g, '').length;
      own.textLength = Math.min(own.textLength, MAX_CAPTION + 1);
    }
    out.set(el, own);
  }
  return out;
}

/** The text of an element, gathered without recursion. */
function textOf(el: HTMLElement): string {
  const parts: string[] = [];
  const stack: Node[] = [el];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.nodeType === TEXT_NODE) parts.push(node.text);
    else for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return parts.join('');
}

function isFurniture(el: HTMLElement): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return FURNITURE.test(names);
}

function isPhoto(tag: string, subtree: Subtree): boolean {
  if (tag !== 'div' && tag !== 'figure' && tag !== 'p' && tag !== 'table') return false;
  return subtree.hasImage && subtree.textLength <= MAX_CAPTION;
}

/** A metadata row (`索 引 号：` | `000014349/2018-00221` | `主题分类：` | …) as `label：value` lines. */
function rowLines(tr: HTMLElement): string[] {
  const cells = tr.childNodes
    .filter((n): n is HTMLElement => isElement(n) && /^t[dh]$/i.test(n.rawTagName ?? ''))
    .map((c) => textOf(c).replace(/\s+/g, ' ').trim());
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
