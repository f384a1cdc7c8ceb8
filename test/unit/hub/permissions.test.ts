import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { inviteMember, resetMemberPassword, withHubPool } from '../../../electron/hub';
import type { JoinResponse, PushResponse } from '../../../shared/team/protocol';
import { describePg } from '../../helpers/pg-cluster';
import { annotationData, batch, del, put, useHub, type HubMember } from './hub-fixture';

const briefing = (title: string) => ({ title, audience: '', date: '' });

/** A briefing written straight into hub.objects, claiming a library, an author and a version. */
const insertDirect = (db: pg.Client, libraryId: string, id: string, authorId: string, version = 0) =>
  db.query(
    `INSERT INTO hub.objects (library_id, kind, id, data, version, author_id) VALUES ($1, 'briefing', $2, $3, $4, $5)`,
    [libraryId, id, JSON.stringify(briefing(id)), version, authorId],
  );

describePg('team hub: permissions, through the service and through PostgreSQL directly', () => {
  // the hub as its own non-superuser role, as on a department server
  const fx = useHub('hub_perm', { asOwnRole: true });
  let owner: HubMember, editor: HubMember, reader: HubMember, outsider: HubMember;
  const direct: pg.Client[] = [];

  /** The member's own PostgreSQL connection, with the credentials `yandu hub members --pg-password` gives. */
  async function connectAs(member: HubMember): Promise<pg.Client> {
    const { user, password } = await withHubPool(fx.databaseUrl, (pool) =>
      resetMemberPassword(pool, member.member.id),
    );
    const client = new pg.Client({
      connectionString: fx.cluster.urlFor({ database: 'hub_perm', user, password }),
    });
    await client.connect();
    direct.push(client);
    return client;
  }

  beforeAll(async () => {
    owner = await fx.join('政策研究室', 'owner', '张三');
    editor = await fx.join('政策研究室', 'editor', '李四');
    reader = await fx.join('政策研究室', 'reader', '王五');
    outsider = await fx.join('办公厅', 'editor', '赵六');
    const seeded = await owner.push(
      batch(
        put('annotation', 'owner-note', null, annotationData()),
        put('briefing', 'b1', null, briefing('原稿')),
      ),
    );
    expect(seeded.json.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    const other = await outsider.push(batch(put('briefing', 'secret', null, briefing('办公厅内部'))));
    expect(other.json.results[0]?.status).toBe('accepted');
  });
  afterAll(async () => {
    await Promise.all(direct.map((c) => c.end()));
  });

  describe('through the service', () => {
    it('lets a reader read but never write', async () => {
      const pulled = await reader.pull();
      expect(pulled.json.changes.map((c) => c.id).sort()).toEqual(['b1', 'owner-note']);
      const before = (await reader.status()).json.library.version;
      const res = await reader.push(
        batch(
          put('briefing', 'b1', pulled.json.version, briefing('读者改的')),
          put('briefing', 'new', null, briefing('x')),
        ),
      );
      expect(res.json.results.map((r) => r.status)).toEqual(['forbidden', 'forbidden']);
      expect((await reader.status()).json.library.version).toBe(before);
      const upload = await reader.raw('PUT', `/v1/blobs/${'0'.repeat(64)}`, Buffer.from('x'));
      expect(upload.status).toBe(403);
    });

    it('keeps annotations to their author, briefings open to any editor', async () => {
      const version = (await editor.pull()).json.changes.find((c) => c.id === 'owner-note')!.version;
      const res = await editor.push(
        batch(put('annotation', 'owner-note', version, annotationData({ note: '改别人的' }))),
      );
      expect(res.json.results[0]).toMatchObject({ status: 'forbidden' });
      const b1 = (await editor.pull()).json.changes.find((c) => c.id === 'b1')!;
      const edited = await editor.push(batch(put('briefing', 'b1', b1.version, briefing('李四改过'))));
      expect(edited.json.results[0]?.status).toBe('accepted');
      const now = (await owner.pull()).json.changes.find((c) => c.id === 'b1')!;
      expect(now).toMatchObject({
        data: { title: '李四改过' },
        author: { id: editor.member.id, name: '李四' },
      });
    });

    it('shows no other library: pull, status and blobs', async () => {
      const pulled = await outsider.pull();
      expect(pulled.json.changes.map((c) => c.id)).toEqual(['secret']);
      const status = await outsider.status();
      expect(status.json.members.map((m) => m.name)).toEqual(['赵六']);
      expect((await owner.status()).json.members.map((m) => m.name)).toEqual(['张三', '李四', '王五']);
      const bytes = Buffer.from('办公厅的文件');
      const hex = (await import('node:crypto')).createHash('sha256').update(bytes).digest('hex');
      expect((await outsider.raw('PUT', `/v1/blobs/${hex}`, bytes)).status).toBe(201);
      expect((await owner.raw('GET', `/v1/blobs/${hex}`)).status).toBe(404);
      expect((await owner.raw('HEAD', `/v1/blobs/${hex}`)).status).toBe(404);
    });

    it("lets a member's second device edit that member's annotations", async () => {
      const { code } = await inviteMember(fx.databaseUrl, {
        library: '政策研究室',
        role: 'reader',
        member: owner.member.id,
      });
      const res = await fetch(`${fx.hub.url}/v1/join`, {
        method: 'POST',
        body: JSON.stringify({ code, memberName: '别的名字', deviceName: '家里的电脑' }),
      });
      const second = (await res.json()) as JoinResponse;
      expect(second.member).toEqual({ id: owner.member.id, name: '张三', role: 'owner' });
      const note = (await owner.pull()).json.changes.find((c) => c.id === 'owner-note')!;
      const edited = await fetch(`${fx.hub.url}/v1/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${second.token}` },
        body: JSON.stringify(
          batch(put('annotation', 'owner-note', note.version, annotationData({ note: '在家改的' }))),
        ),
      });
      expect(((await edited.json()) as PushResponse).results[0]?.status).toBe('accepted');
    });

    it("lets an editor move another's annotation to a new edition, nothing more, its author kept", async () => {
      const current = (await editor.pull()).json.changes.find((c) => c.id === 'owner-note')!;
      const moved = { ...current.data, passageId: 'd1-e0123456789-p8', start: 1, end: 3 };
      const refused = await editor.push(
        batch(put('annotation', 'owner-note', current.version, { ...moved, note: '顺便改了' })),
      );
      expect(refused.json.results[0]).toMatchObject({ status: 'forbidden' });
      // resizing it on its own passage is the author's edit, not a move
      const resized = await editor.push(
        batch(put('annotation', 'owner-note', current.version, { ...current.data, start: 1, end: 3 })),
      );
      expect(resized.json.results[0]).toMatchObject({ status: 'forbidden' });
      const accepted = await editor.push(batch(put('annotation', 'owner-note', current.version, moved)));
      expect(accepted.json.results[0]?.status).toBe('accepted');
      const now = (await owner.pull()).json.changes.find((c) => c.id === 'owner-note')!;
      expect(now).toMatchObject({ data: moved, author: { id: owner.member.id, name: '张三' } });
      const deleted = await editor.push(batch(del('annotation', 'owner-note', now.version)));
      expect(deleted.json.results[0]).toMatchObject({ status: 'forbidden' });
    });

    it('refuses requests without a valid token', async () => {
      const res = await fetch(`${fx.hub.url}/v1/pull?since=0`, {
        headers: { authorization: 'Bearer not-a-real-token-at-all' },
      });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    });
  });

  describe("with the member's own PostgreSQL credentials", () => {
    it('lets a reader read its library but not insert, update or bump versions', async () => {
      const db = await connectAs(reader);
      const { rows } = await db.query<{ id: string }>('SELECT id FROM hub.objects ORDER BY id');
      expect(rows.map((r) => r.id)).toEqual(['b1', 'owner-note']);
      await expect(insertDirect(db, reader.library.id, 'sneaky', reader.member.id)).rejects.toMatchObject({
        code: '42501',
      });
      const updated = await db.query(
        `UPDATE hub.objects SET data = '{"title":"x","audience":"","date":""}' WHERE id = 'b1'`,
      );
      expect(updated.rowCount).toBe(0);
      await expect(
        db.query('SELECT hub.lock_library($1, current_user, true)', [reader.library.id]),
      ).rejects.toMatchObject({ code: '42501' });
      await expect(db.query(`DELETE FROM hub.objects`)).rejects.toMatchObject({ code: '42501' });
      await expect(db.query('SELECT * FROM hub.devices')).rejects.toMatchObject({ code: '42501' });
      const b1 = (await owner.pull()).json.changes.find((c) => c.id === 'b1')!;
      expect(b1.data).toMatchObject({ title: '李四改过' });
    });

    it('shows a member nothing of another library, even when asked by id or role', async () => {
      const db = await connectAs(editor);
      const objects = await db.query('SELECT id FROM hub.objects WHERE library_id = $1', [
        outsider.library.id,
      ]);
      expect(objects.rowCount).toBe(0);
      const libraries = await db.query<{ name: string }>('SELECT name FROM hub.libraries');
      expect(libraries.rows.map((r) => r.name)).toEqual(['政策研究室']);
      const members = await db.query<{ name: string }>('SELECT name FROM hub.members ORDER BY name');
      expect(members.rows.map((r) => r.name).sort()).toEqual(['张三', '李四', '王五'].sort());
      const outsiderRole = `ydm_${outsider.member.id.replace(/-/g, '')}`;
      const probe = await db.query('SELECT hub.member_libraries($1, false)', [outsiderRole]);
      expect(probe.rowCount).toBe(0);
      await expect(insertDirect(db, outsider.library.id, 'planted', editor.member.id)).rejects.toMatchObject({
        code: '42501',
      });
      expect((await outsider.pull()).json.changes.map((c) => c.id)).toEqual(['secret']);
    });

    it("lets an editor write only as itself, and not over another's annotation", async () => {
      const db = await connectAs(editor);
      await expect(
        db.query(`UPDATE hub.objects SET data = data || '{"note":"x"}' WHERE id = 'owner-note'`),
      ).rejects.toThrow(/only its author/);
      await expect(
        db.query(`UPDATE hub.objects SET deleted = true, data = NULL WHERE id = 'owner-note'`),
      ).rejects.toThrow(/only its author/);
      await expect(
        db.query(`UPDATE hub.objects SET data = data || '{"start":3}' WHERE id = 'owner-note'`),
      ).rejects.toThrow(/only its author/);
      // a new edition's position alone (see migration 004): the author stays the owner
      const moved = await db.query<{ author_id: string }>(
        `UPDATE hub.objects SET data = data || '{"passageId":"d1-e0123456789-p9","start":2}'
          WHERE id = 'owner-note' RETURNING author_id`,
      );
      expect(moved.rows).toEqual([{ author_id: owner.member.id }]);
      // a forged author and version are replaced by the hub's own stamp
      const before = (await editor.status()).json.library.version;
      await insertDirect(db, editor.library.id, 'direct', editor.member.id, 999_999);
      const made = (await owner.pull(before)).json.changes.find((c) => c.id === 'direct')!;
      expect(made).toMatchObject({ version: before + 1, author: { id: editor.member.id } });
      await expect(insertDirect(db, editor.library.id, 'forged', owner.member.id)).resolves.toBeDefined();
      const forged = (await owner.pull(before)).json.changes.find((c) => c.id === 'forged')!;
      expect(forged.author.id).toBe(editor.member.id);
    });
  });
});
