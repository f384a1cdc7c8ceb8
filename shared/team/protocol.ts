/**
 * The team hub's wire protocol (issue 14): request schemas (checked on the hub, strict and bounded)
 * and the response types both sides compile against. /work/notes/hub-protocol.md is the contract;
 * fields may be added, never renamed.
 */
import { z } from 'zod';
import { ANNOTATION_COLORS, ANNOTATION_KINDS } from '../domain/annotations';
import { BRIEFING_ITEM_KINDS } from '../domain/briefings';
import { LEDGER_VERDICTS } from '../domain/ledger';

export const TEAM_KINDS = [
  'document',
  'annotation',
  'link',
  'briefing',
  'briefing_item',
  'meta_override',
  'ledger_override',
] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

/** Kinds only their author may change (as in Zotero group libraries and Hypothesis); others may only move them. */
export const AUTHORED_KINDS: ReadonlySet<string> = new Set(['annotation', 'link']);
export const TEAM_ROLES = ['owner', 'editor', 'reader'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const HUB_LIMITS = {
  pushChanges: 500,
  pullLimit: 1000,
  pullDefault: 500,
  /** One object's `data` as JSON; a long commentary note stays well below. */
  dataBytes: 256 * 1024,
  /** A JSON request body: 500 changes of typical size fit many times over. */
  jsonBodyBytes: 16 * 1024 * 1024,
  blobBytes: 64 * 1024 * 1024,
} as const;

const id = z.string().min(1).max(200);
const name = z.string().trim().min(1).max(80);
const text = (max: number) => z.string().max(max);
const offset = z.number().int().min(0).max(10_000_000);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** `<epoch prefix>.<version>.<digest>` of a copy a hub restore lost. */
const ancestorMark = z.string().regex(/^[0-9a-f]{8}\.[0-9]{1,15}\.[0-9a-f]{32}$/);

/** A JSON value whose serialised size is bounded (payloads the hub stores but does not interpret). */
const boundedObject = z
  .record(z.string().max(200), z.json())
  .refine((v) => JSON.stringify(v).length <= HUB_LIMITS.dataBytes, 'object too large');

/** `data` of a put, per kind. `annotation.kind` is an addition to the contract (optional). */
export const kindDataSchemas = {
  document: z
    .object({
      sha256,
      fileName: text(500),
      title: text(1000),
      bytes: z.number().int().min(0).max(HUB_LIMITS.blobBytes),
      /** The parsed edition's content hash: a desktop holding another one replaces it (an addition). */
      contentHash: sha256.optional(),
    })
    .strict(),
  annotation: z
    .object({
      documentId: id,
      passageId: id,
      start: offset,
      end: offset,
      quote: text(100_000),
      prefix: text(2_000),
      suffix: text(2_000),
      color: z.enum(ANNOTATION_COLORS),
      note: text(20_000),
      tags: z.array(z.string().trim().min(1).max(40)).max(50),
      kind: z.enum(ANNOTATION_KINDS).optional(),
    })
    .strict(),
  link: z.object({ fromPassageId: id, toPassageId: id, note: text(20_000) }).strict(),
  briefing: z.object({ title: text(500), audience: text(500), date: text(40) }).strict(),
  briefing_item: z
    .object({
      briefingId: id,
      orderKey: z.string().min(1).max(200),
      level: z.number().int().min(1).max(3),
      kind: z.enum(BRIEFING_ITEM_KINDS),
      payload: boundedObject,
    })
    .strict(),
  meta_override: z.object({ documentId: id, fields: boundedObject }).strict(),
  ledger_override: z
    .object({ key: text(500), verdict: z.enum(LEDGER_VERDICTS), note: text(20_000) })
    .strict(),
} satisfies Record<TeamKind, z.ZodType>;

export type KindData = { [K in TeamKind]: z.infer<(typeof kindDataSchemas)[K]> };

/**
 * The fields a new edition's re-anchoring rewrites: where an annotation or a link sits, nothing its
 * author wrote. Any editor of the library may push a change of these alone to another member's
 * object (the hub checks it, in the service and in PostgreSQL), so the first desktop that re-anchors
 * moves it for everyone, even when its author never syncs again.
 */
export const ANCHOR_FIELDS: Partial<Record<TeamKind, readonly string[]>> = {
  annotation: ['passageId', 'start', 'end', 'quote', 'prefix', 'suffix'],
  link: ['fromPassageId', 'toPassageId'],
};

/** JSON with keys sorted at every level: equal synced data gives equal text. */
export function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
              .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(sort(value));
}

/** The fields naming the passages an object sits on: a new edition changes at least one. */
const PASSAGE_FIELDS: Partial<Record<TeamKind, readonly string[]>> = {
  annotation: ['passageId'],
  link: ['fromPassageId', 'toPassageId'],
};

/**
 * `after` is `before` moved to other passages and nothing else: anchor fields alone differ, a
 * passage among them (a range resized on the same passage is its author's edit, not a move).
 */
export function onlyMoved(
  kind: TeamKind,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): boolean {
  const anchor = ANCHOR_FIELDS[kind];
  if (!anchor || !before || !after) return false;
  const rest = (d: Record<string, unknown>) =>
    JSON.stringify(
      Object.keys(d)
        .filter((k) => !anchor.includes(k) && d[k] !== undefined)
        .sort()
        .map((k) => [k, d[k]]),
    );
  return rest(before) === rest(after) && (PASSAGE_FIELDS[kind] ?? []).some((k) => before[k] !== after[k]);
}

export const joinRequestSchema = z
  .object({ code: z.string().min(8).max(200), memberName: name, deviceName: name })
  .strict();

/**
 * One change as it arrives. `kind` and `data` are checked per change (status `invalid`), so one bad
 * change does not reject the batch; the envelope itself is strict.
 */
export const changeSchema = z
  .object({
    kind: z.string().min(1).max(40),
    id,
    op: z.enum(['put', 'delete']),
    baseVersion: z.number().int().min(0).nullable(),
    data: z.record(z.string().max(200), z.unknown()).nullable(),
    /** The copy this change was made from, when the hub lost that copy in a restore. */
    ancestor: ancestorMark.optional(),
  })
  .strict();

const TOKEN_UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const TOKEN_SEAL = '(?:\\.([0-9a-z]{1,13}))?\\.([A-Za-z0-9_-]{43})';
/**
 * A version token the hub sealed: its uuid, the moment the version was written (base 36; absent
 * in tokens sealed by older hubs) and the seal (see the hub's cursor-seal.ts), captured in order.
 */
export const SEALED_VERSION_TOKEN = new RegExp(`^(${TOKEN_UUID})${TOKEN_SEAL}$`);
/** A version's token as the hub hands it out: sealed, or a bare uuid handed out before tokens were sealed. */
const versionToken = z.string().regex(new RegExp(`^${TOKEN_UUID}(?:${TOKEN_SEAL})?$`));

/** A library version and its token as a desktop last saw them (a restored hub no longer has both). */
const versionMark = z
  .object({ cursor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), token: versionToken })
  .strict();

export const pushRequestSchema = z
  .object({
    batchId: z.uuid(),
    changes: z.array(changeSchema).min(1).max(HUB_LIMITS.pushChanges),
    /** The hub epoch the client's base versions belong to; another one gets `stale` back. */
    epoch: z.uuid().optional(),
    /** The sender's cursor and its token: checked against the hub's history (a rewound hub: new epoch). */
    at: versionMark.optional(),
  })
  .strict();

/** The query of `GET /v1/pull` (strings from the URL). */
export const pullQuerySchema = z
  .object({
    since: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
    limit: z.coerce.number().int().min(1).max(HUB_LIMITS.pullLimit).default(HUB_LIMITS.pullDefault),
    /** The epoch `since` belongs to: only a cursor of the current epoch is noted as the device's. */
    epoch: z.uuid().optional(),
    /** The token of version `since` as this desktop got it (see `at` of a push). */
    token: versionToken.optional(),
  })
  .strict();

export type JoinRequest = z.infer<typeof joinRequestSchema>;
export type Change = z.infer<typeof changeSchema>;
export type PushRequest = z.infer<typeof pushRequestSchema>;

export interface MemberRef {
  id: string;
  name: string;
  role: TeamRole;
}

export interface JoinResponse {
  token: string;
  member: MemberRef;
  library: { id: string; name: string };
}

export interface StatusResponse {
  library: { id: string; name: string; version: number };
  member: MemberRef;
  members: MemberRef[];
}

export interface RemoteObject {
  kind: TeamKind;
  id: string;
  version: number;
  deleted: boolean;
  data: Record<string, unknown> | null;
  author: { id: string; name: string };
  /** ISO time of the hub; for display only (versions order changes, never clocks). */
  updatedAt: string;
  /** The lost copy this object's line of changes was offered again from after a hub restore. */
  ancestor?: string;
}

export type PushStatus = 'accepted' | 'conflict' | 'forbidden' | 'invalid';

export interface PushResult {
  kind: string;
  id: string;
  status: PushStatus;
  /** The object's version after an accepted change. */
  version?: number;
  /** The hub's copy when the change conflicted (null when the object was never on the hub). */
  current?: RemoteObject | null;
  /** Why a change was `invalid` or `forbidden`, for the conflict list. */
  message?: string;
}

/**
 * Where the library's history stands: `epoch` changes when the hub finds its database was restored
 * from a backup, and `epochSince` is the version it went back to (every version above it that a
 * client remembers from before is lost on the hub).
 */
export interface HubEpoch {
  epoch?: string;
  epochSince?: number;
}

export interface PushResponse extends HubEpoch {
  /** The library version after this push (unchanged when nothing was accepted). */
  version: number;
  results: PushResult[];
  /** The push named another epoch: nothing was applied and `results` is empty. */
  stale?: boolean;
  /** The token of `version` (absent for versions written before hub migration 003). */
  versionToken?: string;
}

export interface PullResponse extends HubEpoch {
  changes: RemoteObject[];
  cursor: number;
  more: boolean;
  version: number;
  /**
   * The highest cursor this device had pulled from before this pull (same epoch): a `since` below
   * it means the desktop's library went back in time (restored from a backup).
   */
  deviceCursor?: number;
  /** The token of version `cursor` (absent for versions written before hub migration 003). */
  cursorToken?: string;
}

export type HubErrorCode =
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'hash-mismatch'
  | 'too-large'
  | 'method-not-allowed'
  /** A cursor token this hub did not seal for that version: refused, it starts no epoch. */
  | 'bad-cursor'
  | 'internal';

export interface HubErrorBody {
  error: { code: HubErrorCode; message: string };
}
