import { canonical } from '../../../electron/main/team/merge';
import { sha256Hex } from '../../../electron/main/kernel/crypto';
import type { RemoteObject } from '../../../shared/team/protocol';
import type { AcceptedChange, FuzzClient } from './fuzz-client';
import type { FaultLog } from './fuzz-events';
import type { Requirement } from './fuzz-ops';

/**
 * The checkers of the fuzz run.
 * - Version chains: the accepted changes of each object, in version order, each based on the one
 *   before (so the hub never took a change made without seeing the previous one), the last one
 *   being exactly what the hub holds.
 * - Requirements: every operation's effect is in some accepted version, or listed as a conflict
 *   (or refusal) on the client that made it, or overwritten later by that same client.
 */
export interface CheckReport {
  violations: string[];
  brokenChains: string[];
  conflicts: number;
  refused: number;
}

const at = (data: Record<string, unknown> | null, field: string): unknown =>
  field
    .split('.')
    .reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      data,
    );

function chainsOf(changes: Iterable<AcceptedChange>): Map<string, AcceptedChange[]> {
  const chains = new Map<string, AcceptedChange[]>();
  for (const a of changes) {
    const key = `${a.kind}/${a.id}`;
    chains.set(key, [...(chains.get(key) ?? []), a]);
  }
  for (const list of chains.values()) list.sort((x, y) => x.version - y.version);
  return chains;
}

/** Whether an accepted version holds what a requirement asks for. */
function holds(r: Requirement, v: AcceptedChange): boolean {
  if (r.what === 'create') return v.data !== null;
  if (r.what === 'delete') return v.data === null;
  if (r.what.startsWith('tag:'))
    return Array.isArray(v.data?.['tags']) && (v.data['tags'] as string[]).includes(r.what.slice(4));
  return canonical(at(v.data, r.what)) === canonical(r.value);
}

/**
 * Checks the run. `faults.lost` are changes the hub accepted and then lost in a restore: one that a
 * later lost version superseded needs nothing more; the last one of each object must have come
 * back (offered again) or be listed. An operation a member undid by putting back an older backup
 * of their library (`faults.clientRestores`) is theirs to drop, and supersedes nothing.
 */
export function checkRequirements(
  requirements: Requirement[],
  accepted: Map<string, AcceptedChange>,
  hub: Map<string, RemoteObject>,
  clients: FuzzClient[],
  faults: FaultLog,
): CheckReport {
  const chains = chainsOf(accepted.values());
  const lostChains = chainsOf(faults.lost);
  const undone = (r: Requirement) =>
    faults.clientRestores.some((x) => x.client === r.client && r.step > x.from && r.step <= x.to);
  const brokenChains: string[] = [];
  for (const [key, list] of chains) {
    list.forEach((a, i) => {
      const expected = i === 0 ? null : list[i - 1]!.version;
      if (a.baseVersion !== expected && !(i === 0 && a.baseVersion === null))
        brokenChains.push(`${key} v${a.version} based on ${a.baseVersion}, previous accepted ${expected}`);
    });
    const last = list[list.length - 1]!;
    // Documents are compared by id against each library (the hub state read here leaves them out).
    if (last.kind === 'document') continue;
    const held = hub.get(key);
    if (
      last.data === null
        ? held !== undefined
        : held?.version !== last.version || canonical(held.data) !== canonical(last.data)
    )
      brokenChains.push(`${key}: hub holds v${held?.version ?? '-'}, last accepted v${last.version}`);
  }
  for (const key of hub.keys())
    if (!chains.has(key)) brokenChains.push(`${key} on the hub without an accepted change`);

  const listed = new Map<string, Set<string>>();
  let conflicts = 0;
  let refused = 0;
  for (const c of clients) {
    const rows = c.db.prepare(`SELECT kind, object_id AS id, reason, fields FROM team_conflicts`).all() as {
      kind: string;
      id: string;
      reason: string;
      fields: string;
    }[];
    for (const r of rows) {
      conflicts++;
      if (r.reason === 'forbidden') refused++;
      const key = `${c.name}|${r.kind}/${r.id}`;
      const set = listed.get(key) ?? new Set<string>();
      for (const f of JSON.parse(r.fields) as string[]) set.add(f);
      listed.set(key, set);
    }
  }

  const later = new Map<string, Requirement[]>();
  const kept = requirements.filter((r) => !undone(r));
  for (const r of kept) {
    const key = `${r.client}|${r.kind}/${r.id}`;
    later.set(key, [...(later.get(key) ?? []), r]);
  }
  const violations: string[] = [];
  for (const r of kept) {
    if (r.what === 'tags') continue;
    const key = `${r.client}|${r.kind}/${r.id}`;
    const fields = listed.get(key);
    const field = r.what.startsWith('tag:') ? 'tags' : r.what;
    if (fields && (fields.has('*') || fields.has(field))) continue;
    const superseded = later
      .get(key)!
      .some(
        (o) =>
          o.step > r.step &&
          (o.what === r.what || o.what === 'delete' || (field === 'tags' && o.what === 'tags')),
      );
    if (superseded) continue;
    const versions = chains.get(`${r.kind}/${r.id}`) ?? [];
    const lost = lostChains.get(`${r.kind}/${r.id}`) ?? [];
    // a lost version is superseded by a later lost one, or by an accepted change made from it; a
    // delete holds where no accepted copy is left (the hub lost what it deleted, and nobody offered it again)
    const madeFrom = new Set(versions.map((v) => v.ancestor?.split('.').slice(1).join('.')));
    const mark = (v: AcceptedChange) => `${v.version}.${sha256Hex(canonical(v.data)).slice(0, 32)}`;
    const ok =
      (r.what === 'delete' && versions.length === 0) ||
      versions.some((v) => holds(r, v)) ||
      lost.some((v, i) => holds(r, v) && (i < lost.length - 1 || madeFrom.has(mark(v))));
    if (!ok)
      violations.push(
        `${r.client} step ${r.step}: ${r.kind}/${r.id} ${r.what}=${JSON.stringify(r.value ?? null)} lost; ` +
          `accepted ${versions.map((v) => `v${v.version}<-${v.baseVersion}${v.data ? '' : ' deleted'}${v.ancestor ? ` from ${v.ancestor.slice(0, 6)}` : ''}`).join(', ')}; ` +
          `lost ${lost.map((v) => `v${v.version}${v.data ? '' : ' deleted'} ${mark(v).slice(0, 12)}`).join(', ')}; ` +
          `others: ${(later.get(key) ?? []).map((o) => `${o.step}:${o.what}`).join(' ')}`,
      );
  }
  return { violations, brokenChains, conflicts, refused };
}

export interface ConflictReport {
  /** 'edit' clashes judged on a known common copy, every listed field changed on both sides. */
  genuine: number;
  /** Objects gone from the restored hub, listed with this desktop's copy (settled: they came back). */
  vanished: number;
  vanishedSettled: number;
  /** Listed and still open at the end, whatever the reason: what the user is left to decide. */
  open: number;
  /** Clashes without a known common copy (after a restore); each on an object a restore touched. */
  unknownBase: number;
  /** Listed clashes that are not: a field one side left as it was, or a clash with no restore behind it. */
  spurious: string[];
}

/**
 * Every listed edit clash must be a genuine one. With its common copy recorded: each listed field
 * (or '*', an edit against a delete) differs from that copy on both sides and between the sides.
 * Without one: only where a restore took the common copy away (the hub's, or this member's own).
 */
export function checkConflicts(clients: FuzzClient[], faults: FaultLog): ConflictReport {
  const report: ConflictReport = {
    genuine: 0,
    vanished: 0,
    vanishedSettled: 0,
    open: 0,
    unknownBase: 0,
    spurious: [],
  };
  const lost = new Set([...faults.lost.map((a) => `${a.kind}/${a.id}`), ...faults.lostOnHub]);
  for (const c of clients) {
    const restoredHere = faults.clientRestores.some((x) => x.client === c.name);
    report.open += c.db
      .prepare(`SELECT count(*) FROM team_conflicts WHERE resolved_at IS NULL`)
      .pluck()
      .get() as number;
    const rows = c.db
      .prepare(
        `SELECT kind, object_id AS id, fields, local, remote, remote_version AS remoteVersion, base,
                resolution FROM team_conflicts WHERE reason = 'edit'`,
      )
      .all() as {
      kind: string;
      id: string;
      fields: string;
      local: string | null;
      remote: string | null;
      remoteVersion: number | null;
      base: string | null;
      resolution: string | null;
    }[];
    for (const r of rows) {
      const key = `${r.kind}/${r.id}`;
      const local = r.local === null ? null : (JSON.parse(r.local) as Record<string, unknown>);
      const remote = r.remote === null ? null : (JSON.parse(r.remote) as Record<string, unknown>);
      if (remote === null && r.remoteVersion === null && lost.has(key)) {
        report.vanished++;
        if (r.resolution) report.vanishedSettled++;
        continue;
      }
      if (r.base === null) {
        if (lost.has(key) || restoredHere) report.unknownBase++;
        else report.spurious.push(`${c.name} ${key}: no common copy, and no restore behind it`);
        continue;
      }
      const base = JSON.parse(r.base) as Record<string, unknown> | null;
      const bad = (JSON.parse(r.fields) as string[]).filter((f) => {
        const [b, l, x] = f === '*' ? [base, local, remote] : [at(base, f), at(local, f), at(remote, f)];
        return (
          canonical(b) === canonical(l) || canonical(b) === canonical(x) || canonical(l) === canonical(x)
        );
      });
      if (bad.length) report.spurious.push(`${c.name} ${key}: ${bad.join(',')} not changed on both sides`);
      else report.genuine++;
    }
  }
  return report;
}

/** Where an object sits, not what anyone wrote: anchors, and a briefing item's place in its list. */
const POSITION = new Set([
  'passageId',
  'start',
  'end',
  'quote',
  'prefix',
  'suffix',
  'fromPassageId',
  'toPassageId',
  'orderKey',
]);
const writing = (d: Record<string, unknown> | null) =>
  d && canonical(Object.fromEntries(Object.entries(d).filter(([k]) => !POSITION.has(k))));

/**
 * What is open at the end, by class (kind, reason, class, listed fields): the debug summary the run
 * prints, so that a class that is no clash of two people's writing shows up by name. Classes,
 * first match: 'both-deleted', 'sides-equal', 'refused' (forbidden / invalid), 'vanished' (gone
 * from a restored hub), 'no-common-copy' (after a restore; '+same-writing' when the sides differ
 * in position only), 'moved-vs-delete' (the side that stands only moved since the common copy),
 * 'positions-only' (every listed field a position), 'own-copy' (the hub's version is this member's
 * own), 'edit-vs-delete', 'clash'.
 */
export function openConflictClasses(clients: FuzzClient[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of clients) {
    const rows = c.db
      .prepare(
        `SELECT kind, reason, fields, local, remote, remote_version AS remoteVersion, remote_author AS author, base
           FROM team_conflicts WHERE resolved_at IS NULL`,
      )
      .all() as {
      kind: string;
      reason: string;
      fields: string;
      local: string | null;
      remote: string | null;
      remoteVersion: number | null;
      author: string | null;
      base: string | null;
    }[];
    for (const r of rows) {
      const fields = (JSON.parse(r.fields) as string[]).sort();
      const [local, remote, base] = [r.local, r.remote, r.base].map((s) =>
        s === null ? null : (JSON.parse(s) as Record<string, unknown> | null),
      ) as [Record<string, unknown> | null, Record<string, unknown> | null, Record<string, unknown> | null];
      const standing = local ?? remote;
      const type =
        local === null && remote === null
          ? 'both-deleted'
          : canonical(local) === canonical(remote)
            ? 'sides-equal'
            : r.reason !== 'edit'
              ? 'refused'
              : remote === null && r.remoteVersion === null
                ? 'vanished'
                : r.base === null
                  ? `no-common-copy${writing(local) === writing(remote) ? '+same-writing' : ''}`
                  : fields[0] === '*' && base && writing(standing) === writing(base)
                    ? 'moved-vs-delete'
                    : fields.every((f) => POSITION.has(f))
                      ? 'positions-only'
                      : r.author === c.name
                        ? 'own-copy'
                        : fields[0] === '*'
                          ? 'edit-vs-delete'
                          : 'clash';
      const key = `${r.kind} ${r.reason} ${type} [${fields.join(',')}]`;
      out[key] = (out[key] ?? 0) + 1;
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)));
}
