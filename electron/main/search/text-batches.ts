/**
 * Groups documents, in order, into batches of about `budget` characters of text (a document larger
 * than the budget is a batch of its own); yields every 50 documents so a big library is sliced.
 * `budget` may depend on the documents' total text (a rebuild sizes its batches to the library).
 */
export function* textBatches(
  ids: readonly string[],
  sizeOf: (id: string) => number,
  budget: number | ((totalText: number) => number),
): Generator<void, string[][]> {
  const sizes = new Float64Array(ids.length);
  let total = 0;
  for (const [i, id] of ids.entries()) {
    total += sizes[i] = sizeOf(id);
    if (i % 50 === 49) yield;
  }
  const cap = typeof budget === 'number' ? budget : budget(total);
  const out: string[][] = [];
  let batch: string[] = [];
  let size = 0;
  for (const [i, id] of ids.entries()) {
    const n = sizes[i]!;
    if (batch.length && size + n > cap) {
      out.push(batch);
      batch = [];
      size = 0;
    }
    batch.push(id);
    size += n;
  }
  if (batch.length) out.push(batch);
  return out;
}
