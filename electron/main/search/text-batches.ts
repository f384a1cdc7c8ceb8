/**
 * Groups documents, in order, into batches of about `budget` characters of text (a document larger
 * than the budget is a batch of its own); yields every 50 documents so a big library is sliced.
 */
export function* textBatches(
  ids: readonly string[],
  sizeOf: (id: string) => number,
  budget: number,
): Generator<void, string[][]> {
  const out: string[][] = [];
  let batch: string[] = [];
  let size = 0;
  for (const [i, id] of ids.entries()) {
    const n = sizeOf(id);
    if (batch.length && size + n > budget) {
      out.push(batch);
      batch = [];
      size = 0;
    }
    batch.push(id);
    size += n;
    if (i % 50 === 49) yield;
  }
  if (batch.length) out.push(batch);
  return out;
}
