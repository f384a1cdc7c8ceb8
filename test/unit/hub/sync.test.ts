import { describe, expect, it } from 'vitest';
import { withHubPool } from '../../../electron/hub';
import { describePg } from '../../helpers/pg-cluster';
import { annotationData, batch, del, put, useHub } from './hub-fixture';

describePg('team hub: push and pull', () => {
  const fx = useHub();

  describe('one library', () => {
    it('accepts new objects under one new library version and pulls them back', async () => {
      const alice = await fx.join('研究室', 'editor', '张三');
      const pushed = await alice.push(
        batch(
          put('annotation', 'a1', null, annotationData()),
          put('briefing', 'b1', null, { title: '学习材料', audience: '', date: '2026-03-05' }),
        ),
      );
      expect(pushed.status).toBe(200);
      expect(pushed.json.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
      const version = pushed.json.version;
      expect(pushed.json.results.every((r) => r.version === version)).toBe(true);
      const pulled = await alice.pull(0, 100);
      expect(pulled.json).toMatchObject({ cursor: version, more: false, version });
      const a1 = pulled.json.changes.find((c) => c.id === 'a1')!;
      expect(a1).toMatchObject({
        kind: 'annotation',
        version,
        deleted: false,
        data: annotationData(),
        author: { id: alice.member.id, name: '张三' },
      });
      expect(Date.parse(a1.updatedAt)).not.toBeNaN();
    });

    it('answers a stale base with a conflict carrying the hub copy, and writes nothing', async () => {
      const [alice, bob] = [await fx.join('冲突', 'editor'), await fx.join('冲突', 'editor')];
      const first = await alice.push(
        batch(put('briefing', 'b', null, { title: 'v1', audience: '', date: '' })),
      );
      const v1 = first.json.version;
      const second = await bob.push(
        batch(put('briefing', 'b', v1, { title: 'bob', audience: '', date: '' })),
      );
      expect(second.json.results[0]).toMatchObject({ status: 'accepted' });
      const stale = await alice.push(
        batch(put('briefing', 'b', v1, { title: 'alice', audience: '', date: '' })),
      );
      expect(stale.json.results[0]).toMatchObject({
        status: 'conflict',
        current: {
          id: 'b',
          version: second.json.version,
          data: { title: 'bob' },
          author: { id: bob.member.id },
        },
      });
      expect(stale.json.version).toBe(second.json.version);
      // baseVersion null on an existing object is a conflict too (two "new" objects with one id)
      const fresh = await alice.push(
        batch(put('briefing', 'b', null, { title: 'x', audience: '', date: '' })),
      );
      expect(fresh.json.results[0]?.status).toBe('conflict');
      const pulled = await bob.pull();
      expect(pulled.json.changes).toHaveLength(1);
      expect(pulled.json.changes[0]?.data).toMatchObject({ title: 'bob' });
    });

    it('decides a second change to one object in one push against the first', async () => {
      const alice = await fx.join('同批', 'editor');
      const res = await alice.push(
        batch(
          put('briefing', 'twice', null, { title: '一', audience: '', date: '' }),
          put('briefing', 'twice', null, { title: '二', audience: '', date: '' }),
        ),
      );
      expect(res.json.results.map((r) => r.status)).toEqual(['accepted', 'conflict']);
      expect(res.json.results[1]?.current).toMatchObject({
        version: res.json.version,
        data: { title: '一' },
      });
      const pulled = await alice.pull();
      expect(pulled.json.changes.map((c) => c.data)).toEqual([{ title: '一', audience: '', date: '' }]);
    });

    it('replays a batchId with the stored response and applies it once', async () => {
      const alice = await fx.join('重放', 'editor');
      const body = batch(put('ledger_override', 'k1', null, { key: 'k1', verdict: 'met', note: '' }));
      const first = await alice.push(body);
      const again = await alice.push(body);
      expect(again.json).toEqual(first.json);
      const status = await alice.status();
      expect(status.json.library.version).toBe(first.json.version);
      const pulled = await alice.pull();
      expect(pulled.json.changes.map((c) => c.version)).toEqual([first.json.version]);
    });

    it('keeps deletions as tombstones and revives them with a later put', async () => {
      const alice = await fx.join('墓碑', 'editor');
      const made = await alice.push(
        batch(put('link', 'l1', null, { fromPassageId: 'p1', toPassageId: 'p2', note: '' })),
      );
      const v1 = made.json.version;
      const gone = await alice.push(batch(del('link', 'l1', v1)));
      const v2 = gone.json.version;
      expect(gone.json.results[0]).toMatchObject({ status: 'accepted', version: v2 });
      expect(v2).toBeGreaterThan(v1);
      const tomb = await alice.pull(v1);
      expect(tomb.json.changes).toEqual([
        expect.objectContaining({ id: 'l1', deleted: true, data: null, version: v2 }),
      ]);
      const back = await alice.push(
        batch(put('link', 'l1', v2, { fromPassageId: 'p1', toPassageId: 'p2', note: '恢复' })),
      );
      expect(back.json.results[0]?.status).toBe('accepted');
      const revived = await alice.pull(v2);
      expect(revived.json.changes).toEqual([
        expect.objectContaining({
          id: 'l1',
          deleted: false,
          data: expect.objectContaining({ note: '恢复' }),
        }),
      ]);
    });

    it('marks invalid changes without rejecting the rest of the batch', async () => {
      const alice = await fx.join('校验', 'editor');
      const res = await alice.push(
        batch(
          put('annotation', 'bad', null, { ...annotationData(), color: 'orange' }),
          put('spaceship', 's', null, {}),
          put('annotation', 'extra', null, { ...annotationData(), secret: 1 }),
          { kind: 'briefing', id: 'd', op: 'delete', baseVersion: null, data: { title: 'x' } },
          put('meta_override', 'doc-9', null, { documentId: 'doc-8', fields: { title: '改' } }),
          put('annotation', 'good', null, annotationData()),
        ),
      );
      expect(res.json.results.map((r) => r.status)).toEqual([
        'invalid',
        'invalid',
        'invalid',
        'invalid',
        'invalid',
        'accepted',
      ]);
      expect(res.json.results[4]?.message).toMatch(/documentId/);
      const malformed = await alice.push({ batchId: 'not-a-uuid', changes: [] });
      expect(malformed.status).toBe(400);
      expect(malformed.json.error?.code).toBe('bad-request');
      const tooMany = await alice.push(
        batch(...Array.from({ length: 501 }, (_, i) => del('link', `x${i}`, null))),
      );
      expect(tooMany.status).toBe(400);
    });

    it('pages a pull by whole versions and never splits one push', async () => {
      const alice = await fx.join('分页', 'editor');
      const one = (n: number, prefix: string) =>
        Array.from({ length: n }, (_, i) =>
          put('ledger_override', `${prefix}${i}`, null, { key: `${prefix}${i}`, verdict: 'met', note: '' }),
        );
      const p1 = await alice.push(batch(...one(3, 'a')));
      const p2 = await alice.push(batch(...one(3, 'b')));
      // limit 4 would end inside p2's version: the page stops after p1's whole version
      const page1 = await alice.pull(0, 4);
      expect(page1.json).toMatchObject({ cursor: p1.json.version, more: true });
      expect(page1.json.changes).toHaveLength(3);
      const page2 = await alice.pull(page1.json.cursor, 4);
      expect(page2.json).toMatchObject({ cursor: p2.json.version, more: false });
      expect(page2.json.changes.map((c) => c.id)).toEqual(['b0', 'b1', 'b2']);
      // a limit below one version's size returns that version whole
      const small = await alice.pull(0, 2);
      expect(small.json.changes).toHaveLength(3);
      expect(small.json).toMatchObject({ cursor: p1.json.version, more: true });
      expect((await alice.pull(0, 0)).status).toBe(400);
    });

    it('never lets a cursor skip a change while members push concurrently', async () => {
      const writers = await Promise.all(Array.from({ length: 6 }, () => fx.join('并发', 'editor')));
      const seen = new Map<string, number>();
      let cursor = 0;
      let pushing = true;
      const puller = (async () => {
        for (let round = 0; round < 10_000 && (pushing || round === 0); round += 1) {
          const page = await writers[0]!.pull(cursor, 7);
          for (const c of page.json.changes) seen.set(c.id, Math.max(seen.get(c.id) ?? 0, c.version));
          expect(page.json.cursor).toBeGreaterThanOrEqual(cursor);
          cursor = page.json.cursor;
        }
      })();
      const accepted = new Map<string, number>();
      await Promise.all(
        writers.map(async (w, n) => {
          for (let b = 0; b < 8; b += 1) {
            // each writer re-edits its own briefings: bases come from its own accepted versions
            const changes = Array.from({ length: 4 }, (_, i) => {
              const id = `w${n}-${(b + i) % 6}`;
              return put('briefing', id, accepted.get(id) ?? null, {
                title: `${id}@${b}`,
                audience: '',
                date: '',
              });
            });
            const res = await w.push(batch(...changes));
            for (const r of res.json.results) {
              expect(r.status).toBe('accepted');
              accepted.set(r.id, r.version!);
            }
          }
        }),
      );
      pushing = false;
      await puller;
      for (let more = true; more;) {
        const page = await writers[0]!.pull(cursor, 7);
        for (const c of page.json.changes) seen.set(c.id, Math.max(seen.get(c.id) ?? 0, c.version));
        cursor = page.json.cursor;
        more = page.json.more;
      }
      expect(seen).toEqual(accepted);
      expect(cursor).toBe((await writers[0]!.status()).json.library.version);
    }, 60_000);

    it('keeps serving after its database connections are killed', async () => {
      const alice = await fx.join('断线', 'editor');
      expect((await alice.status()).status).toBe(200);
      await withHubPool(fx.databaseUrl, async (pool) => {
        // waits (up to 5 s each) until the backends are gone: pg_terminate_backend alone only
        // signals them, and a request racing a backend still dying is a genuine in-flight failure
        const { rows } = await pool.query<{ n: number }>(
          `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 5000))::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
        );
        expect(rows[0]!.n).toBeGreaterThan(0);
      });
      // the pool's connections are all dead now, heard of or not: each is stepped over (db.ts)
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1)
        statuses.push(
          (await alice.push(batch(put('briefing', `k${i}`, null, { title: 'x', audience: '', date: '' }))))
            .status,
        );
      expect(statuses).toEqual([200, 200, 200]);
      expect((await alice.pull()).json.changes).toHaveLength(3);
    });
  });
});
