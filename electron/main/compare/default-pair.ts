import type { ComparePair } from '../../../shared/domain/compare';
import type { DocumentSummary } from '../../../shared/domain/library';
import { foldText } from '../search/domain';

/** `呼伦贝尔市海拉尔区人民政府` and `海拉尔区人民政府` name one issuer: compare without the generic tail. */
const issuerStem = (issuer: string): string =>
  foldText(issuer)
    .replace(/\s+/gu, '')
    .replace(/(?:人民政府|政府)$/u, '');

/** One name is the other with a region prefix (`中华人民共和国国务院` / `国务院`). */
function sameName(x: string, y: string): boolean {
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  return shorter.length >= 2 && longer.endsWith(shorter);
}

/** A title without its years: `2020年政府工作报告` → `政府工作报告`. */
const titlePattern = (title: string): string =>
  foldText(title)
    .replace(/\s+/gu, '')
    .replace(/\d+\s*年?/gu, '');

/** How two documents are one series, or null when they are not. */
export function seriesBasis(x: DocumentSummary, y: DocumentSummary): ComparePair['basis'] | null {
  if (x.issuer && y.issuer) return sameName(issuerStem(x.issuer), issuerStem(y.issuer)) ? 'issuer' : null;
  // An unknown issuer: the title pattern decides, within one level so a district never pairs with the state.
  if (x.level !== y.level) return null;
  return sameName(titlePattern(x.title), titlePattern(y.title)) ? 'title' : null;
}

/** The nearest earlier report of the same series, or (when there is none) the nearest later one. */
function neighbour(doc: DocumentSummary, docs: DocumentSummary[]): ComparePair | null {
  if (doc.year === null) return null;
  type Candidate = { d: DocumentSummary; basis: ComparePair['basis'] } | null;
  let before: Candidate = null as Candidate;
  let after: Candidate = null as Candidate;
  for (const d of docs) {
    if (d.id === doc.id || d.year === null || d.year === doc.year) continue;
    const basis = seriesBasis(doc, d);
    if (!basis) continue;
    if (d.year < doc.year && (!before || d.year > before.d.year!)) before = { d, basis };
    if (d.year > doc.year && (!after || d.year < after.d.year!)) after = { d, basis };
  }
  if (before) return { a: before.d.id, b: doc.id, basis: before.basis };
  if (after) return { a: doc.id, b: after.d.id, basis: after.basis };
  return null;
}

/**
 * The pair to open: for a given document, it and its predecessor (older = A); without one, the
 * newest report that has a predecessor. Null when the library holds no series of two.
 */
export function defaultPair(docs: DocumentSummary[], docId?: string): ComparePair | null {
  if (docId !== undefined) {
    const doc = docs.find((d) => d.id === docId);
    return doc ? neighbour(doc, docs) : null;
  }
  const newestFirst = docs
    .filter((d) => d.year !== null)
    .sort((x, y) => y.year! - x.year! || (y.date ?? '').localeCompare(x.date ?? ''));
  for (const doc of newestFirst) {
    const pair = neighbour(doc, docs);
    if (pair && pair.b === doc.id) return pair;
  }
  return null;
}
