/** An object's fields one level deep (`fields.title`), as the merge names them. */
export function flatten(data: Record<string, unknown> | null): Map<string, unknown> {
  const flat = new Map<string, unknown>();
  for (const [k, v] of Object.entries(data ?? {}))
    if (v && typeof v === 'object' && !Array.isArray(v))
      for (const [k2, v2] of Object.entries(v as Record<string, unknown>)) flat.set(`${k}.${k2}`, v2);
    else flat.set(k, v);
  return flat;
}

export const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** Where an object sits or what it belongs to: ids and order keys mean nothing to a reader. */
const INTERNAL = /(^|\.)(id|\w+Id|orderKey)$/;

/**
 * The rows both versions show, in one order so they can be read across: the clashing fields
 * first, then those that differ, then the rest; a field empty on both sides or internal is left
 * out unless it clashes.
 */
export function conflictRows(
  local: Record<string, unknown> | null,
  remote: Record<string, unknown> | null,
  fields: string[],
): string[] {
  const a = flatten(local);
  const b = flatten(remote);
  const hot = (k: string) => fields.includes('*') || fields.includes(k);
  const differs = (k: string) => JSON.stringify(a.get(k)) !== JSON.stringify(b.get(k));
  const keys = [...new Set([...a.keys(), ...b.keys()])].filter(
    (k) => hot(k) || (!INTERNAL.test(k) && !(isEmpty(a.get(k)) && isEmpty(b.get(k)))),
  );
  const rank = (k: string) => (hot(k) ? 0 : differs(k) ? 1 : 2);
  return keys.sort((x, y) => rank(x) - rank(y)).slice(0, 12);
}
