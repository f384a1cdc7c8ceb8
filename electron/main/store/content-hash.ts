import { createHash } from '../kernel/crypto';
import type { ParsedDocument } from './parsed-document';

/**
 * Identity of a document's content, independent of file type and encoding: the same report as
 * UTF-8, GB18030, DOCX or PDF hashes alike once parsed, so a second copy is recognised.
 */
export function contentHash(doc: ParsedDocument): string {
  const hash = createHash('sha256');
  hash.update(doc.meta.title);
  for (const p of doc.passages) hash.update(`\u0001${p.kind}\u0002${p.text}`);
  for (const g of doc.glossary) hash.update(`\u0003${g.term}\u0004${g.definition}`);
  return hash.digest('hex');
}

export const documentIdFromHash = (hash: string): string => `d${hash.slice(0, 10)}`;
