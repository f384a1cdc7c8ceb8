/**
 * The three-way merge of one synced object: base (the last copy both sides agreed on), local and
 * remote. Field by field: a side that left a field as it was takes the other side's value; equal
 * changes collapse; tag lists merge as sets (an add and a remove on different tags both stand);
 * nested records (`fields` of a metadata override, `payload` of a briefing item) merge per key.
 * Only the same field changed to different values on both sides is a conflict: the merged object
 * then holds the hub's value and the conflict lists both, so nothing is dropped.
 */
export type Data = Record<string, unknown>;

export interface MergeResult {
  /** null: the object is deleted. */
  merged: Data | null;
  /** Dotted paths of the fields changed differently on both sides ('*' for edit against delete). */
  conflicts: string[];
}

/** JSON with sorted keys: what "equal" means for synced data. */
export function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Data = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Data)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

const SET_FIELDS = new Set(['tags']);
const NESTED_FIELDS = new Set(['fields', 'payload']);

const isRecord = (v: unknown): v is Data => !!v && typeof v === 'object' && !Array.isArray(v);

export function mergeObject(base: Data | null, local: Data | null, remote: Data | null): MergeResult {
  if (same(local, remote)) return { merged: remote, conflicts: [] };
  if (same(base, local)) return { merged: remote, conflicts: [] };
  if (same(base, remote)) return { merged: local, conflicts: [] };
  // Both changed, differently. A delete against an edit cannot be merged field by field.
  if (local === null || remote === null) return { merged: remote, conflicts: ['*'] };
  const conflicts: string[] = [];
  const merged = mergeRecord(base ?? {}, local, remote, '', conflicts);
  return { merged, conflicts };
}

function mergeRecord(base: Data, local: Data, remote: Data, prefix: string, conflicts: string[]): Data {
  const out: Data = {};
  const keys = new Set([...Object.keys(base), ...Object.keys(local), ...Object.keys(remote)]);
  for (const key of [...keys].sort()) {
    const b = base[key];
    const l = local[key];
    const r = remote[key];
    const path = prefix + key;
    let value: unknown;
    if (same(l, r) || same(b, l)) value = r;
    else if (same(b, r)) value = l;
    else if (SET_FIELDS.has(key) && Array.isArray(l) && Array.isArray(r))
      value = mergeSet(Array.isArray(b) ? b : [], l, r);
    else if (NESTED_FIELDS.has(key) && isRecord(l) && isRecord(r))
      value = mergeRecord(isRecord(b) ? b : {}, l, r, `${path}.`, conflicts);
    else {
      conflicts.push(path);
      value = r;
    }
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Members both kept, plus what either side added; sorted so every client writes the same list. */
function mergeSet(base: unknown[], local: unknown[], remote: unknown[]): unknown[] {
  const key = (v: unknown) => canonical(v);
  const inBase = new Set(base.map(key));
  const inLocal = new Map(local.map((v) => [key(v), v]));
  const inRemote = new Map(remote.map((v) => [key(v), v]));
  const out = new Map<string, unknown>();
  for (const [k, v] of inLocal) if (inRemote.has(k) || !inBase.has(k)) out.set(k, v);
  for (const [k, v] of inRemote) if (inLocal.has(k) || !inBase.has(k)) out.set(k, v);
  return [...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

/** `current` with the listed (dotted) fields taken from `local`. */
export function withFields(current: Data, local: Data, fields: readonly string[]): Data {
  const out = structuredClone(current);
  for (const field of fields) {
    const [head, sub] = field.split('.') as [string, string | undefined];
    if (sub === undefined) out[head] = local[head];
    else {
      const nested = { ...((out[head] as Data) ?? {}) };
      nested[sub] = (local[head] as Data | undefined)?.[sub];
      out[head] = nested;
    }
  }
  return out;
}
