/**
 * What the hub answers to one change of a push, before anything is written: the schema check, the
 * author rule (another member's annotation or link may only be moved to other passages) and the
 * base-version check. Row-level security enforces the same rules again when the write runs.
 */
import {
  HUB_LIMITS,
  TEAM_KINDS,
  kindDataSchemas,
  onlyMoved,
  stableJson,
  type Change,
  type PushResult,
  type RemoteObject,
  type TeamKind,
  AUTHORED_KINDS,
} from '../../shared/team/protocol';
import type { Session } from './admin';

export interface ObjectRow {
  kind: TeamKind;
  id: string;
  version: number;
  deleted: boolean;
  data: Record<string, unknown> | null;
  author_id: string;
  author_name: string;
  updated_at: Date;
  ancestor: string | null;
}

export const OBJECT_COLUMNS = `o.kind, o.id, o.version, o.deleted, o.data, o.author_id, m.name AS author_name, o.updated_at,
  o.ancestor`;

export function toRemote(row: ObjectRow): RemoteObject {
  return {
    kind: row.kind,
    id: row.id,
    version: row.version,
    deleted: row.deleted,
    data: row.data,
    author: { id: row.author_id, name: row.author_name },
    updatedAt: row.updated_at.toISOString(),
    ...(row.ancestor ? { ancestor: row.ancestor } : {}),
  };
}

/** The schema check of one change; a message when it is invalid. */
function invalidReason(change: Change): string | null {
  if (!(TEAM_KINDS as readonly string[]).includes(change.kind)) return `unknown kind ${change.kind}`;
  if (change.op === 'delete') return change.data === null ? null : 'a delete carries data: null';
  if (change.data === null) return 'a put needs data';
  const parsed = kindDataSchemas[change.kind as TeamKind].safeParse(change.data);
  if (!parsed.success)
    return parsed.error.issues
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ')
      .slice(0, 500);
  if (JSON.stringify(change.data).length > HUB_LIMITS.dataBytes) return 'data too large';
  // one override per document / ledger key: the id is that key, so two members' overrides meet
  const key =
    change.kind === 'meta_override'
      ? change.data.documentId
      : change.kind === 'ledger_override'
        ? change.data.key
        : change.id;
  if (key !== change.id)
    return `the id of a ${change.kind} is its ${change.kind === 'meta_override' ? 'documentId' : 'key'}`;
  return null;
}

export const keyOf = (kind: string, id: string) => `${kind}\u0000${id}`;

/** Decides one change against the hub's copy (updated in `current` when accepted). */
export function decide(
  session: Session,
  change: Change,
  current: Map<string, ObjectRow>,
  nextVersion: number,
): PushResult {
  const ref = { kind: change.kind, id: change.id };
  const invalid = invalidReason(change);
  if (invalid) return { ...ref, status: 'invalid', message: invalid };
  const key = keyOf(change.kind, change.id);
  const hubCopy = current.get(key);
  // another member's object: it may only be moved to other passages (a new edition re-anchored
  // it), and its author stays
  const moved =
    !!hubCopy &&
    !hubCopy.deleted &&
    change.op !== 'delete' &&
    onlyMoved(change.kind as TeamKind, hubCopy.data, change.data);
  const othersObject = !!hubCopy && AUTHORED_KINDS.has(change.kind) && hubCopy.author_id !== session.memberId;
  // what the hub holds already (two desktops moved it alike): the client takes the hub's copy
  if (
    othersObject &&
    !moved &&
    change.op !== 'delete' &&
    stableJson(hubCopy!.data) === stableJson(change.data)
  )
    return { ...ref, status: 'conflict', current: toRemote(hubCopy!) };
  if (othersObject && !moved)
    return {
      ...ref,
      status: 'forbidden',
      message: `only ${hubCopy.author_name} may change this ${change.kind}`,
    };
  // A base the hub never had (a hub restored from an older backup) overwrites nothing: accepted.
  // a second change to one object in one push is decided against the first (whose version the
  // client cannot have known): a conflict, never a second write
  if (hubCopy && (change.baseVersion !== hubCopy.version || hubCopy.version === nextVersion))
    return { ...ref, status: 'conflict', current: toRemote(hubCopy) };
  const deleted = change.op === 'delete';
  current.set(key, {
    kind: change.kind as TeamKind,
    id: change.id,
    version: nextVersion,
    deleted,
    data: deleted ? null : change.data,
    author_id: moved && hubCopy ? hubCopy.author_id : session.memberId,
    author_name: moved && hubCopy ? hubCopy.author_name : session.memberName,
    updated_at: new Date(),
    ancestor: change.ancestor ?? hubCopy?.ancestor ?? null,
  });
  return { ...ref, status: 'accepted', version: nextVersion };
}
