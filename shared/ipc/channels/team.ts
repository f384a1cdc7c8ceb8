import { z } from 'zod';
import { TEAM_KINDS } from '../../team/protocol';
import { channel } from '../define';

/** The team library (issue 14): the 团队 screen's view of the hub, the sync and its conflicts. */
export interface TeamMemberView {
  id: string;
  name: string;
  role: 'owner' | 'editor' | 'reader';
}

export interface TeamSyncProgress {
  phase: 'push' | 'pull' | 'documents' | 'done';
  pushed: number;
  pulled: number;
  hubVersion: number;
}

export interface TeamStatusView {
  joined: boolean;
  hubUrl: string | null;
  library: { id: string; name: string } | null;
  member: TeamMemberView | null;
  /** The hub answered just now; null when not joined. */
  online: boolean | null;
  members: TeamMemberView[];
  cursor: number;
  hubVersion: number | null;
  pending: number;
  conflicts: number;
  lastSync: string | null;
  lastError: string | null;
  /** The sync running now, if any. */
  syncing: TeamSyncProgress | null;
  /**
   * The last restore from a backup the sync found: of the hub (it went back to version `since`;
   * what this desktop held above it was offered again), or of this library (its cursor went back
   * from `hubHadSeen` to `cursor`).
   */
  restores: {
    hub: { at: string; since: number } | null;
    library: { at: string; cursor: number; hubHadSeen: number } | null;
  };
  /** Documents the last sync replaced here by a new edition another member made. */
  lastSyncReplaced: number;
}

export interface TeamSyncSummary {
  pushed: number;
  accepted: number;
  rejected: number;
  pulled: number;
  documents: number;
  /** Of those documents, the ones replaced by a new edition (the others were imported). */
  replaced: number;
  conflicts: number;
  pending: number;
  /** Where this desktop's pull stopped, and the hub's library version it saw. */
  cursor: number;
  hubVersion: number;
}

export interface TeamConflictView {
  id: number;
  kind: string;
  objectId: string;
  reason: 'edit' | 'forbidden' | 'invalid';
  fields: string[];
  local: Record<string, unknown> | null;
  remote: Record<string, unknown> | null;
  remoteAuthor: string | null;
  created: string;
  resolved: string | null;
  resolution: 'local' | 'remote' | null;
  /** The hub's version of the object when the conflict was listed (null for a refusal). */
  remoteVersion: number | null;
  /** The document the object is about (a document, its metadata correction, an annotation's); null: none. */
  documentId: string | null;
  /** That document's title as this library shows it (null: not in this library), for the conflict card. */
  documentTitle: string | null;
  /** The briefing the object is (a briefing) or belongs to (its item); null: none. */
  briefingId: string | null;
  /** That briefing's title in this library (null: not in it), for the conflict card. */
  briefingTitle: string | null;
}

/** The same choice over many conflicts (`team:resolve-all`): what was settled, what could not be. */
export interface TeamResolveAllSummary {
  keep: 'local' | 'remote';
  /** The kind the choice was limited to; null: every kind. */
  kind: string | null;
  resolved: number;
  resolvedIds: number[];
  /** Conflicts that stay open, with why (an edition whose file is gone, say). */
  failed: { id: number; code: string; message: string }[];
  /** Conflicts still open afterwards. */
  open: number;
}

export interface TeamAnnotationView {
  id: string;
  documentId: string;
  documentTitle: string;
  passageId: string | null;
  quote: string;
  note: string;
  color: string;
  author: string;
  updated: string;
}

const hubUrl = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/[^\s]+$/, 'http:// or https:// address');

export const teamChannels = {
  'team:status': channel(() => z.object({}).strict())<TeamStatusView>(),
  'team:join': channel(() =>
    z
      .object({
        hubUrl,
        code: z.string().trim().min(8).max(200),
        memberName: z.string().trim().min(1).max(80),
        /** How this computer is named in the hub's member list (default: the host name). */
        deviceName: z.string().trim().min(1).max(80).optional(),
      })
      .strict(),
  )<TeamStatusView>(),
  'team:sync': channel(() => z.object({}).strict())<TeamSyncSummary>(),
  'team:conflicts': channel(() => z.object({ all: z.boolean().optional() }).strict())<TeamConflictView[]>(),
  'team:resolve': channel(() =>
    z
      .object({ id: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), keep: z.enum(['local', 'remote']) })
      .strict(),
  )<TeamConflictView>(),
  'team:resolve-all': channel(() =>
    z
      .object({
        keep: z.enum(['local', 'remote']),
        kind: z.enum(TEAM_KINDS).optional(),
        /** The conflicts listed on the screen; left out: every open one (of `kind`), up to 1,000. */
        ids: z.array(z.number().int().min(1).max(Number.MAX_SAFE_INTEGER)).min(1).max(1000).optional(),
      })
      .strict(),
  )<TeamResolveAllSummary>(),
  'team:annotations': channel(() =>
    z.object({ mine: z.boolean(), limit: z.number().int().min(1).max(500).optional() }).strict(),
  )<TeamAnnotationView[]>(),
  'team:leave': channel(() => z.object({}).strict())<{ left: true }>(),
};
