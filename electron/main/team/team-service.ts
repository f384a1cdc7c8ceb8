import fs from 'node:fs';
import os from 'node:os';
import type { TeamStatusView, TeamSyncProgress } from '../../../shared/ipc/channels/team';
import type { StatusResponse, TeamKind } from '../../../shared/team/protocol';
import { AppError } from '../kernel/app-error';
import type { CoreContext } from '../kernel/context';
import {
  countOpenConflicts,
  getConflict,
  listConflicts,
  markResolved,
  type TeamConflict,
} from './conflict-store';
import { importFiles } from '../ingest/domain';
import { saveAuthor } from '../store/settings';
import { HubClient, HubError } from './hub-client';
import { allLocalKeys, localDocument, readLocal } from './local-read';
import { deleteWithUndo } from '../documents/domain';
import { detachRemovedOnLeave } from './document-removal';
import { applyOverBase } from './local-write';
import { withFields } from './merge';
import { pullAll, removeDeletedDocuments, type PullTally } from './pull';
import { flushPending, pushAll, type PushOptions, type PushTally } from './push';
import { HUB_RESTORED_KEY, LIBRARY_RESTORED_KEY } from './restores';
import type { SecretStore } from './secret-store';
import {
  forgetTeam,
  getPendingPush,
  getState,
  markDirty,
  outboxCount,
  setCapture,
  setState,
  teamMember,
} from './team-store';
import { getBase } from './team-bases';

/** The team library on this desktop: join, sync, status, conflicts, leave. No Electron here. */
export interface TeamOptions {
  secrets: SecretStore;
  /** Parse pulled documents on this thread (tests, the CLI) instead of a worker. */
  inlineParse?: boolean;
  timeoutMs?: number;
  now?: () => Date;
  /** Sees every push batch with the hub's answer (tests keep a ledger of accepted changes). */
  observePush?: PushOptions['observe'];
}

/** The status as the 团队 screen and `yandu team status` show it (the running sync aside). */
export type TeamStatus = Omit<TeamStatusView, 'syncing'>;
export type SyncProgress = TeamSyncProgress;

export interface ResolveAllReport {
  resolved: number[];
  failed: { id: number; code: string; message: string }[];
}

export interface SyncReport {
  pushed: PushTally;
  pulled: PullTally;
  pending: number;
  conflicts: number;
}

/** team_state key: how many documents the last sync replaced by another member's edition. */
const LAST_REPLACED_KEY = 'last_replaced';

const parse = <T>(s: string | undefined): T | null => (s ? (JSON.parse(s) as T) : null);

export class TeamService {
  private running: Promise<SyncReport> | null = null;
  /** What the running sync has done so far (also sent as 'team:progress' events), null when none runs. */
  progress: SyncProgress | null = null;
  constructor(
    private readonly ctx: CoreContext,
    private readonly options: TeamOptions,
  ) {}

  private get db() {
    return this.ctx.db;
  }
  private now = () => (this.options.now ?? (() => new Date()))();

  private hub(): HubClient {
    const url = getState(this.db, 'hub_url');
    const token = this.options.secrets.get();
    if (!url || !token) throw new AppError('team_not_joined');
    return new HubClient({ url, token, timeoutMs: this.options.timeoutMs });
  }

  async join(input: {
    hubUrl: string;
    code: string;
    memberName: string;
    deviceName?: string;
  }): Promise<TeamStatus> {
    if (getState(this.db, 'hub_url')) throw new AppError('team_already_joined');
    const url = new URL(input.hubUrl).toString();
    const answer = await new HubClient({ url, timeoutMs: this.options.timeoutMs }).join({
      code: input.code,
      memberName: input.memberName,
      deviceName: input.deviceName ?? os.hostname().slice(0, 80),
    });
    this.options.secrets.set(answer.token);
    this.db.transaction(() => {
      setState(this.db, 'hub_url', url);
      setState(this.db, 'member', JSON.stringify(answer.member));
      setState(this.db, 'library', JSON.stringify(answer.library));
      setState(this.db, 'joined_at', this.now().toISOString());
      // What this desktop already holds goes to the hub on the first sync; from now on every change is caught.
      for (const { kind, id } of allLocalKeys(this.db)) markDirty(this.db, kind, id);
      setCapture(this.db, true);
    })();
    // New annotations carry the member's name, as the hub will show them to everyone.
    saveAuthor(this.db, answer.member.name);
    return this.status(false);
  }

  async status(ask = true): Promise<TeamStatus> {
    const url = getState(this.db, 'hub_url') ?? null;
    let remote: StatusResponse | null = null;
    let online: boolean | null = null;
    if (url && ask) {
      try {
        remote = await this.hub().status();
        online = true;
      } catch (error) {
        if (!(error instanceof HubError)) throw error;
        online = false;
      }
    }
    return {
      joined: !!url,
      hubUrl: url,
      library: remote?.library
        ? { id: remote.library.id, name: remote.library.name }
        : parse(getState(this.db, 'library')),
      member: remote?.member ?? teamMember(this.db),
      online,
      members: remote?.members ?? [],
      cursor: Number(getState(this.db, 'cursor') ?? 0),
      hubVersion: remote?.library.version ?? null,
      pending: outboxCount(this.db) + (getPendingPush(this.db) ? 1 : 0),
      conflicts: countOpenConflicts(this.db),
      lastSync: getState(this.db, 'last_sync') ?? null,
      lastError: getState(this.db, 'last_error') ?? null,
      restores: {
        hub: parse(getState(this.db, HUB_RESTORED_KEY)),
        library: parse(getState(this.db, LIBRARY_RESTORED_KEY)),
      },
      lastSyncReplaced: Number(getState(this.db, LAST_REPLACED_KEY) ?? 0),
    };
  }

  /** One sync at a time: a second call while one runs gets the running one's result. */
  sync(onProgress?: (p: SyncProgress) => void): Promise<SyncReport> {
    this.running ??= asAppError(
      this.runSync((p) => {
        this.progress = { ...p };
        this.ctx.events.emit('team:progress', { ...p });
        onProgress?.(p);
      }),
    ).finally(() => {
      this.running = null;
      this.progress = null;
    });
    return this.running;
  }

  private async runSync(onProgress?: (p: SyncProgress) => void): Promise<SyncReport> {
    const hub = this.hub();
    const me = teamMember(this.db)!;
    const progress = { phase: 'push' as SyncProgress['phase'], pushed: 0, pulled: 0, hubVersion: 0 };
    const tell = (p: Partial<SyncProgress>) => onProgress?.(Object.assign(progress, p));
    try {
      const options: PushOptions = {
        me,
        now: this.now,
        onBatch: (t) => tell({ pushed: t.sent }),
        observe: this.options.observePush,
      };
      await flushPending(this.db, hub, options);
      // Pull first, so that most of what is pushed is already based on the hub's latest copy.
      tell({ phase: 'pull' });
      const pulled = await pullAll(this.ctx, hub, {
        inline: !!this.options.inlineParse,
        now: this.now,
        me,
        onPage: (t) => tell({ pulled: t.pulled, hubVersion: t.version }),
      });
      tell({ phase: 'push' });
      const pushed = await pushAll(this.db, hub, options);
      // a new edition of ours that crossed a colleague's delete: the delete stands here at once
      removeDeletedDocuments(this.ctx);
      setState(this.db, 'last_sync', this.now().toISOString());
      setState(this.db, LAST_REPLACED_KEY, String(pulled.replaced));
      setState(this.db, 'last_error', null);
      tell({ phase: 'done', hubVersion: pulled.version });
      return { pushed, pulled, pending: outboxCount(this.db), conflicts: countOpenConflicts(this.db) };
    } catch (error) {
      setState(this.db, 'last_error', (error as Error).message.slice(0, 500));
      throw error;
    }
  }

  conflicts(all = false): TeamConflict[] {
    return listConflicts(this.db, { all });
  }

  /**
   * The user's choice on a listed conflict. 'remote' keeps what the library holds (the hub's);
   * 'local' writes this desktop's version back as a local edit (for an edition, its file replaces
   * the document again), which the next sync pushes.
   */
  async resolve(id: number, keep: 'local' | 'remote'): Promise<TeamConflict> {
    const c = getConflict(this.db, id);
    if (!c) throw new AppError('not_found', { what: '冲突', id: String(id) });
    if (c.resolved) return c;
    if (keep === 'local' && c.kind === 'document') {
      // this desktop's edition (over another, or over the hub's delete), or its delete again
      if (c.local) await keepEdition(this.ctx, c, !!this.options.inlineParse);
      else if (localDocument(this.db, c.objectId)) deleteWithUndo(this.ctx, c.objectId, 'orphan');
    }
    this.db.transaction(() => {
      if (keep === 'local' && c.kind !== 'document') {
        const current = readLocal(this.db, c.kind as Exclude<TeamKind, 'document'>, c.objectId);
        const chosen =
          c.fields.includes('*') || !current ? c.local : withFields(current, c.local ?? {}, c.fields);
        applyOverBase(this.db, c.kind, c.objectId, getBase(this.db, c.kind, c.objectId), chosen, this.now());
        markDirty(this.db, c.kind, c.objectId);
      }
      markResolved(this.db, id, keep, this.now());
    })();
    return getConflict(this.db, id)!;
  }

  /**
   * The same choice over many open conflicts at once (a department back from an offline week):
   * those listed by `ids`, else every open one (of `kind`), at most 1,000 a call, each settled as
   * `resolve` settles one, in id order. One that cannot be settled (an edition whose file is gone)
   * is reported and stays open; the others go on.
   */
  async resolveAll(
    keep: 'local' | 'remote',
    options: { kind?: TeamKind; ids?: readonly number[] } = {},
  ): Promise<ResolveAllReport> {
    const chosen = options.ids
      ? options.ids
          .slice(0, 1000)
          .map((id) => getConflict(this.db, id))
          .filter((c): c is TeamConflict => !!c && !c.resolved && (!options.kind || c.kind === options.kind))
      : listConflicts(this.db, { kind: options.kind, limit: 1000 });
    const report: ResolveAllReport = { resolved: [], failed: [] };
    for (const [i, c] of chosen.entries()) {
      try {
        await this.resolve(c.id, keep);
        report.resolved.push(c.id);
      } catch (error) {
        const e = error instanceof AppError ? error : null;
        report.failed.push({
          id: c.id,
          code: e?.code ?? 'internal',
          message: (error as Error).message.slice(0, 300),
        });
      }
      // a long run of quick choices leaves the main thread to the screen now and then
      if (i % 50 === 49) await new Promise((r) => setImmediate(r));
    }
    return report;
  }

  /**
   * Stops syncing: the hub address, token, cursor and base copies go; the library stays as it is,
   * the annotations of documents that are away kept as a solo library keeps them (detached sets).
   */
  leave(): void {
    const kept = this.db.transaction(() => {
      const documents = detachRemovedOnLeave(this.db, this.now());
      forgetTeam(this.db);
      return documents;
    })();
    this.options.secrets.clear();
    // a document back already (its annotations not yet) takes its set now, as an import would
    const back = kept.filter((id) => localDocument(this.db, id));
    if (back.length) this.ctx.events.emit('library:changed', { documentIds: back });
  }
}

/**
 * "Keep mine" on an edition another member made first, or that crossed a member's delete: this
 * desktop's file replaces the document again (or brings it back under its id), as the user's own
 * replace or import (captured), so the next sync pushes it and everyone takes it.
 */
async function keepEdition(ctx: CoreContext, c: TeamConflict, inline: boolean): Promise<void> {
  const file = c.local?.['sourceFile'];
  if (typeof file !== 'string' || !fs.existsSync(file))
    throw new AppError('not_found', { what: '文件', id: typeof file === 'string' ? file : c.objectId });
  const as = localDocument(ctx.db, c.objectId) ? { replace: c.objectId } : { asId: c.objectId };
  const summary = await importFiles(ctx, [file], { ...as, inline });
  const failed = summary.failed[0] ?? summary.skipped[0];
  if (failed)
    throw new AppError('import_failed', { file, reason: 'error' in failed ? failed.error : failed.reason });
}

/** A hub or network failure as the contract's error, its cause kept in the message. */
async function asAppError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof HubError)
      throw new AppError('team_hub_error', { reason: error.message, status: error.status, code: error.code });
    throw error;
  }
}
