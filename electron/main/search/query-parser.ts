import { foldText } from './fold';
import { SEARCH_KINDS, type SearchKind } from '../kernel/search-source';

/** A string to find, folded for matching; `raw` is as typed (for display). */
export interface Literal {
  text: string;
  raw: string;
}

export interface ParsedQuery {
  /** Every clause must match; a clause matches when any of its literals does (`a OR b`). */
  clauses: Literal[][];
  /** A unit containing any of these is left out (`-疫情`). */
  excludes: Literal[];
  filters: QueryFilters;
  /** Filter values that name nothing (`kind:foo`), reported back so the user can see why. */
  unknown: string[];
}

export interface QueryFilters {
  /** Document ids or folded title fragments (`doc:`). */
  docs: string[];
  years: [number, number][];
  kinds: SearchKind[];
  /** Folded section title fragments (`section:`). */
  sections: string[];
}

const KIND_ALIASES: Record<string, SearchKind> = {
  段落: 'passage',
  正文: 'passage',
  名词: 'glossary',
  名词解释: 'glossary',
  术语: 'glossary',
  举措: 'measure',
  指标: 'measure',
  批注: 'annotation',
  注释: 'annotation',
};

const FILTERS = new Set(['doc', 'year', 'kind', 'section', '文档', '年份', '类型', '章节']);
const FILTER_NAMES: Record<string, string> = { 文档: 'doc', 年份: 'year', 类型: 'kind', 章节: 'section' };

interface Token {
  text: string;
  quoted: boolean;
  negated: boolean;
  filter: string | null;
}

const isSpace = (c: string) => /\s/u.test(c);
const isQuote = (c: string) => c === '"' || c === '＂';
const isMinus = (c: string) => c === '-' || c === '－';

/**
 * Splits a query into tokens: whitespace separates, `"…"` keeps spaces and operators inside one
 * literal, a leading `-` negates, `name:` before a value makes a filter. Chinese quotation marks
 * (`“六稳”`) are text, not syntax. An unclosed quote runs to the end.
 */
function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    while (i < query.length && isSpace(query[i]!)) i++;
    if (i >= query.length) break;
    let negated = false;
    if (isMinus(query[i]!) && i + 1 < query.length && !isSpace(query[i + 1]!)) {
      negated = true;
      i++;
    }
    let filter: string | null = null;
    const m = /^([a-z]+|[\u4e00-\u9fff]{2})[:：]/iu.exec(query.slice(i));
    if (m && FILTERS.has(m[1]!.toLowerCase())) {
      const name = m[1]!.toLowerCase();
      filter = FILTER_NAMES[name] ?? name;
      i += m[0].length;
    }
    const quoted = i < query.length && isQuote(query[i]!);
    const start = quoted ? i + 1 : i;
    let end = start;
    while (end < query.length && !(quoted ? isQuote(query[end]!) : isSpace(query[end]!))) end++;
    tokens.push({ text: query.slice(start, end), quoted, negated, filter });
    i = quoted ? end + 1 : end;
  }
  return tokens;
}

function parseYears(value: string): [number, number] | null {
  const m = /^(\d{4})(?:\s*(?:-|–|\.\.|~|至|到)\s*(\d{4}))?$/u.exec(foldText(value).trim());
  if (!m) return null;
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  return from <= to ? [from, to] : [to, from];
}

export function parseQuery(query: string): ParsedQuery {
  const parsed: ParsedQuery = {
    clauses: [],
    excludes: [],
    filters: { docs: [], years: [], kinds: [], sections: [] },
    unknown: [],
  };
  let joinNext = false;
  for (const token of tokenize(query)) {
    if (!token.quoted && !token.negated && !token.filter && /^(OR|ＯＲ|\|)$/u.test(token.text)) {
      joinNext = parsed.clauses.length > 0;
      continue;
    }
    const folded = foldText(token.text);
    if (token.filter) {
      addFilter(parsed, token.filter, token.text, folded);
      joinNext = false;
      continue;
    }
    if (!folded.trim()) continue;
    const literal = { text: token.quoted ? folded : folded.trim(), raw: token.text };
    if (token.negated) parsed.excludes.push(literal);
    else if (joinNext) parsed.clauses[parsed.clauses.length - 1]!.push(literal);
    else parsed.clauses.push([literal]);
    joinNext = false;
  }
  return parsed;
}

function addFilter(parsed: ParsedQuery, name: string, raw: string, folded: string): void {
  const values = folded.split(/[,，、|]/u).map((v) => v.trim());
  for (const value of values.filter(Boolean)) {
    if (name === 'doc') parsed.filters.docs.push(value);
    else if (name === 'section') parsed.filters.sections.push(value);
    else if (name === 'year') {
      const years = parseYears(value);
      if (years) parsed.filters.years.push(years);
      else parsed.unknown.push(`year:${raw}`);
    } else if (name === 'kind') {
      const kind = (SEARCH_KINDS as readonly string[]).includes(value)
        ? (value as SearchKind)
        : KIND_ALIASES[value];
      if (kind) parsed.filters.kinds.push(kind);
      else parsed.unknown.push(`kind:${raw}`);
    }
  }
}

/** Whether the query asks for anything: at least one literal to find. */
export const hasTerms = (q: ParsedQuery): boolean => q.clauses.length > 0;

/** True when the query narrows by `doc:`, `year:`, `kind:` or `section:`. */
export const hasFilters = ({ filters: f }: ParsedQuery): boolean =>
  f.docs.length + f.years.length + f.kinds.length + f.sections.length > 0;
