import path from 'node:path';
import type pg from 'pg';
import { expect, it } from 'vitest';
import { createInvitation, ensureLibrary } from '../../../electron/hub';
import { createBriefing } from '../../../electron/main/briefings/service';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { HubClient } from '../../../electron/main/team/hub-client';
import { canonical } from '../../../electron/main/team/merge';
import type { RemoteObject } from '../../../shared/team/protocol';
import { describePg } from '../../helpers/pg-cluster';
import { startFaultProxy, type FaultMode } from './fault-proxy';
import { acceptUnheard, FuzzClient, type AcceptedChange } from './fuzz-client';
import { DeleteEvents } from './fuzz-deletes';
import { EditionEvents } from './fuzz-editions';
import { FaultEvents, type HubRestoreKind } from './fuzz-events';
import { mulberry32, randomOp, type Requirement, type Rng, type World } from './fuzz-ops';
import { checkConflicts, checkRequirements, openConflictClasses } from './fuzz-checks';
import { useTeamHub } from './team-hub-fixture';

/**
 * Issue 14's acceptance run: a throwaway PostgreSQL cluster, the real hub service, three clients
 * (each its own SQLite library behind its own fault proxy) × 1,000 random operations with
 * partitions, connections cut before and after the hub committed, client restarts, members
 * putting back old backups of their library, PostgreSQL and the hub service restarting during a
 * sync, the hub restored from an older backup (its dump, or for odd seeds a copy of its data
 * directory), new editions of the shared report, and members deleting it and importing it again
 * later (fuzz-deletes.ts) while the others go on annotating it. Then the network heals and every
 * client syncs until quiet; every library must equal the hub, every accepted change must sit in
 * an unbroken version chain (changes the hub restore lost must have been offered again), and every
 * operation must be in an accepted version, listed as a conflict on its client, overwritten later
 * by that client, or undone by that client putting back a backup older than it.
 * SYNC_SEEDS=1,2,3, SYNC_FUZZ_OPS=1000 and SYNC_HUB_RESTORE=dump|files override the defaults.
 */
const SEEDS = (process.env['SYNC_SEEDS'] ?? '11,22,33').split(',').map(Number);
const OPS = Number(process.env['SYNC_FUZZ_OPS'] ?? 1000);
const HUB_RESTORE = process.env['SYNC_HUB_RESTORE'] as HubRestoreKind | undefined;
const HULI = path.resolve(__dirname, '../../../resources/documents/huli-2021.txt');

describePg('team sync: 3 clients × random operations against the real hub, with faults', () => {
  const f = useTeamHub('team-fuzz', { poolSize: 8 });

  for (const seed of SEEDS)
    it(`seed ${seed}: converges, keeps every accepted change, lists every clash`, async () => {
      await runSeed(seed);
    }, 180_000);

  async function runSeed(seed: number): Promise<void> {
    const rng = mulberry32(seed);
    const library = `fuzz-${seed}`;
    await ensureLibrary(f.pool, library);
    const port = f.hub.port;
    const accepted = new Map<string, AcceptedChange>();
    const sent: FuzzClient['sent'] = [];
    const unanswered: FuzzClient['unanswered'] = new Map();
    const clients: FuzzClient[] = [];
    for (const name of ['甲', '乙', '丙']) {
      const proxy = await startFaultProxy(port);
      const dir = path.join(f.tmp, `${seed}-${name}`);
      const c = new FuzzClient(`${name}${seed}`, dir, proxy, { accepted, sent, unanswered });
      const { code } = await createInvitation(f.pool, { library, role: 'editor' });
      await c.team.join({ hubUrl: proxy.url, code, memberName: c.name });
      clients.push(c);
    }
    try {
      const world = await setUpShared(clients);
      const requirements: Requirement[] = [];
      const done = new Map(clients.map((c) => [c, 0]));
      const nextSync = new Map(clients.map((c) => [c, 15 + Math.floor(rng() * 30)]));
      const tally: Record<string, number> = {};
      const ms = { ops: 0, sync: 0 };
      const total = OPS * clients.length;
      const events = new FaultEvents(
        f,
        library,
        { accepted, unanswered },
        total,
        rng,
        HUB_RESTORE ?? (seed % 2 ? 'files' : 'dump'),
      );
      const editions = new EditionEvents(path.join(f.tmp, `${seed}-editions`), HULI);
      // a stream of its own, so the operations and faults stay those of the seed
      const editionRng = mulberry32(seed + 1000);
      const deletes = new DeleteEvents(HULI, world.documents[0]!, Math.floor(total * 0.5));
      const deleteRng = mulberry32(seed + 2000);
      for (let step = 0; step < total; step++) {
        const open = clients.filter((c) => done.get(c)! < OPS);
        const c = open[Math.floor(rng() * open.length)]!;
        done.set(c, done.get(c)! + 1);
        let t = performance.now();
        // each operation draws from its own stream: how many draws it takes depends on the library
        const name = randomOp(c, mulberry32(Math.floor(rng() * 2 ** 32)), world, (r) =>
          requirements.push({ ...r, client: c.name, step }),
        );
        ms.ops += performance.now() - t;
        if (name) tally[name] = (tally[name] ?? 0) + 1;
        if (rng() < 0.015) c.restart();
        const restores = events.log.clientRestores.length;
        events.clientStep(c, rng, step);
        const restore = events.log.clientRestores[restores];
        if (restore) deletes.restored(c, restore.from, step);
        await editions.step(c, editionRng, world.documents[0]!);
        await deletes.step(c, deleteRng, step);
        await events.hubStep(step);
        if (done.get(c)! >= nextSync.get(c)!) {
          nextSync.set(c, done.get(c)! + 15 + Math.floor(rng() * 30));
          t = performance.now();
          if (!(await events.restartDuringSync(c, rng, step))) await faultySync(c, rng);
          ms.sync += performance.now() - t;
        }
      }
      await deletes.finish(total);
      await quiesce(clients);
      await acceptUnheard(f.pool, library, unanswered, accepted);
      const hubObjects = await hubState(f.pool, library, f.hub.url);
      for (const c of clients) {
        expect(c.db.pragma('integrity_check', { simple: true })).toBe('ok');
        // what still waits for its document or briefing, by kind and document (a failure says which)
        const waiting = c.db
          .prepare(
            `SELECT kind, deleted, json_extract(base, '$.documentId') AS documentId, count(*) AS n
             FROM team_objects WHERE applied = 0 GROUP BY kind, deleted, documentId`,
          )
          .all();
        expect(
          waiting,
          `${c.name} holds hub copies not applied (documents here: ${c.documentIds().join(', ')}; ` +
            `the documents as the hub and this desktop hold them: ${await documentTrail(f.pool, library, c)}; ` +
            `deletes ${JSON.stringify(deletes.log)}; restores ${JSON.stringify(events.log.clientRestores)})`,
        ).toEqual([]);
        expect(c.documentIds()).toEqual(world.documents.slice().sort());
        expect(EditionEvents.editions(c)).toEqual(EditionEvents.editions(clients[0]!));
        const mine = c.snapshot();
        const diff = [...new Set([...mine.keys(), ...hubObjects.keys()])].filter(
          (k) => canonical(mine.get(k) ?? null) !== canonical(hubObjects.get(k)?.data ?? null),
        );
        const shown = diff.slice(0, 3).map((k) => ({ k, mine: mine.get(k), hub: hubObjects.get(k) }));
        expect(shown, `${c.name} differs from the hub`).toEqual([]);
      }
      const report = checkRequirements(requirements, accepted, hubObjects, clients, events.log);
      const clashes = checkConflicts(clients, events.log);
      const faults = clients.map((c) => c.proxy.counts);
      console.log(
        `seed ${seed}: ops ${JSON.stringify(tally)}; hub objects ${hubObjects.size}; accepted ${accepted.size}; ` +
          `conflicts listed ${report.conflicts} (refused ${report.refused}; genuine ${clashes.genuine}, ` +
          `vanished ${clashes.vanished} of which came back ${clashes.vanishedSettled}, no common copy ${clashes.unknownBase}; ` +
          `open at the end ${clashes.open}); restarts ${clients.map((c) => c.restarts).join('/')}; ` +
          `faults ${JSON.stringify(faults)}; restores ${JSON.stringify({ ...events.log, lost: events.log.lost.length, lostOnHub: events.log.lostOnHub.length })}; ` +
          `new editions ${editions.replaces}; deleted and imported again ${JSON.stringify(deletes.log)}; ms ${JSON.stringify(ms)}`,
      );
      console.log(
        `seed ${seed}: open conflicts by class ${JSON.stringify(openConflictClasses(clients), null, 1)}`,
      );
      expect(report.violations.slice(0, 5)).toEqual([]);
      expect(report.brokenChains.slice(0, 5)).toEqual([]);
      expect(clashes.spurious.slice(0, 5)).toEqual([]);
      // The run must have exercised what it claims to: clashes, refusals and every kind of fault.
      expect(report.conflicts).toBeGreaterThan(0);
      expect(report.refused).toBeGreaterThan(0);
      for (const mode of ['refuse', 'cut-request', 'cut-answer'] as FaultMode[])
        expect(faults.reduce((n, x) => n + x[mode], 0)).toBeGreaterThan(0);
      const { log } = events;
      expect([log.clientRestores.length, log.hubRestores, log.pgRestarts + log.hubRestarts]).not.toContain(0);
      expect(editions.replaces).toBeGreaterThan(0);
      expect(deletes.log.filter((d) => d.importedAt !== null).length).toBeGreaterThan(0);
    } finally {
      for (const c of clients) {
        c.core.close();
        await c.proxy.close();
      }
    }
  }
});

/** 甲 imports the documents and makes two briefings; all three sync until they hold them. */
async function setUpShared(clients: FuzzClient[]): Promise<World> {
  const [a] = clients as [FuzzClient];
  const summary = await importFiles(a.core.ctx, [HULI], { inline: true });
  expect(summary.failed).toEqual([]);
  const briefings = ['学习材料一', '学习材料二'].map((title) => createBriefing(a.db, { title }).id);
  for (const c of clients) await c.team.sync();
  await a.team.sync();
  const documents = a.documentIds();
  for (const c of clients) expect(c.documentIds()).toEqual(documents);
  return { passages: EditionEvents.passagesOf, briefings, documents };
}

/** A sync under a random fault policy; a failed sync is what the user sees offline, nothing more. */
async function faultySync(c: FuzzClient, rng: Rng): Promise<void> {
  const r = rng();
  // the requests a sync makes vary with timing (a restart's moment): their draws come from a stream
  // of their own, so the seed's operations and faults do not shift with them
  const perRequest = mulberry32(Math.floor(rng() * 2 ** 32));
  const policy: () => FaultMode =
    r < 0.5
      ? () => 'pass'
      : r < 0.62
        ? () => 'refuse'
        : () => {
            const x = perRequest();
            return x < 0.15 ? 'refuse' : x < 0.3 ? 'cut-request' : x < 0.5 ? 'cut-answer' : 'pass';
          };
  const crashAfterFailing = rng() < 0.3;
  c.proxy.setPolicy(policy);
  try {
    await c.team.sync();
  } catch (error) {
    expect((error as { code?: string }).code).toBe('team_hub_error');
    c.noteUnanswered();
    // A crash right after losing the hub's answer: the stored batch must survive the restart.
    if (crashAfterFailing) c.restart();
  } finally {
    c.proxy.setPolicy(() => 'pass');
  }
}

/** Healed network: sync round-robin until a whole round moves nothing (at most 12 rounds). */
async function quiesce(clients: FuzzClient[]): Promise<void> {
  for (let round = 0; round < 12; round++) {
    let moved = 0;
    for (const c of clients) {
      const r = await c.team.sync();
      moved += r.pushed.sent + r.pulled.pulled + r.pending;
    }
    if (moved === 0) return;
  }
  throw new Error('stuck: the clients did not go quiet within 12 sync rounds');
}

/**
 * Each document's hub row and this desktop's base copy of it, for a failure to say whether the hub
 * ended with a delete (every library then lacks it) or this desktop failed to bring it.
 */
async function documentTrail(pool: pg.Pool, library: string, c: FuzzClient): Promise<string> {
  const { rows } = await pool.query<{ id: string; version: number; deleted: boolean; author: string }>(
    `SELECT o.id, o.version, o.deleted, m.name AS author FROM hub.objects o
       JOIN hub.libraries l ON l.id = o.library_id JOIN hub.members m ON m.id = o.author_id
      WHERE l.name = $1 AND o.kind = 'document'`,
    [library],
  );
  const bases = c.db
    .prepare(
      `SELECT object_id AS id, version, deleted, applied, author_name AS author,
              (SELECT count(*) FROM team_outbox x WHERE x.kind = 'document' AND x.object_id = t.object_id) AS queued
         FROM team_objects t WHERE kind = 'document'`,
    )
    .all();
  return JSON.stringify({ hub: rows, here: bases, cursor: (await c.team.status(false)).cursor });
}

/** The hub's live objects (documents aside), pulled from scratch by a reader joined for the check. */
async function hubState(pool: pg.Pool, library: string, url: string): Promise<Map<string, RemoteObject>> {
  const { code } = await createInvitation(pool, { library, role: 'reader' });
  const joined = await new HubClient({ url }).join({
    code,
    memberName: `检查-${library}`,
    deviceName: 'checker',
  });
  const hub = new HubClient({ url, token: joined.token });
  const out = new Map<string, RemoteObject>();
  let cursor = 0;
  for (let page = 0; page < 1000; page++) {
    const answer = await hub.pull(cursor, 1000);
    for (const o of answer.changes) {
      const key = `${o.kind}/${o.id}`;
      if (o.deleted || o.kind === 'document') out.delete(key);
      else out.set(key, o);
    }
    cursor = answer.cursor;
    if (!answer.more) break;
  }
  return out;
}
