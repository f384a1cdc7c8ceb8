import crypto from 'node:crypto';
import http from 'node:http';
import { expect, it } from 'vitest';
import { withHubPool } from '../../../electron/hub';
import { describePg } from '../../helpers/pg-cluster';
import { useHub } from './hub-fixture';

const hashOf = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

describePg('team hub: content-addressed blobs', () => {
  const fx = useHub('hub_blobs');

  it('stores a file once, across members and libraries, and returns it byte for byte', async () => {
    const alice = await fx.join('一组', 'editor');
    const bob = await fx.join('一组', 'editor');
    const carol = await fx.join('二组', 'editor');
    // larger than one 1 MiB chunk, not a multiple of it
    const bytes = crypto.randomBytes(2 * 1024 * 1024 + 12345);
    const hex = hashOf(bytes);
    const first = await alice.raw('PUT', `/v1/blobs/${hex}`, bytes);
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ sha256: hex, bytes: bytes.length, stored: true });
    for (const member of [bob, carol]) {
      const again = await member.raw('PUT', `/v1/blobs/${hex}`, bytes);
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ stored: false });
    }
    const head = await carol.raw('HEAD', `/v1/blobs/${hex}`);
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBe(bytes.length);
    const got = Buffer.from(await (await bob.raw('GET', `/v1/blobs/${hex}`)).arrayBuffer());
    expect(got.equals(bytes)).toBe(true);
    const counts = await withHubPool(fx.databaseUrl, async (pool) => {
      const { rows } = await pool.query<{ blobs: number; chunks: number; refs: number }>(
        `SELECT (SELECT count(*)::int FROM hub.blobs) AS blobs, (SELECT count(*)::int FROM hub.blob_chunks) AS chunks,
                (SELECT count(*)::int FROM hub.blob_refs) AS refs`,
      );
      return rows[0];
    });
    expect(counts).toEqual({ blobs: 1, chunks: 3, refs: 2 });
  });

  it('refuses bytes that do not hash to the address, and stores an empty file', async () => {
    const alice = await fx.join('三组', 'editor');
    const bytes = Buffer.from('政府工作报告');
    const wrong = await alice.raw('PUT', `/v1/blobs/${hashOf(Buffer.from('别的'))}`, bytes);
    expect(wrong.status).toBe(409);
    expect(await wrong.json()).toMatchObject({ error: { code: 'hash-mismatch' } });
    expect((await alice.raw('HEAD', `/v1/blobs/${hashOf(Buffer.from('别的'))}`)).status).toBe(404);
    const empty = Buffer.alloc(0);
    expect((await alice.raw('PUT', `/v1/blobs/${hashOf(empty)}`, empty)).status).toBe(201);
    const back = await alice.raw('GET', `/v1/blobs/${hashOf(empty)}`);
    expect(back.status).toBe(200);
    expect((await back.arrayBuffer()).byteLength).toBe(0);
    expect((await alice.raw('GET', '/v1/blobs/not-a-hash')).status).toBe(404);
  });

  it('takes many uploads at once (two read at a time) and refuses an oversized one by its header', async () => {
    const alice = await fx.join('四组', 'editor');
    const files = Array.from({ length: 6 }, () => crypto.randomBytes(300_000));
    const statuses = await Promise.all(
      files.map((f) => alice.raw('PUT', `/v1/blobs/${hashOf(f)}`, f).then((r) => r.status)),
    );
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201]);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${fx.hub.url}/v1/blobs/${'a'.repeat(64)}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${alice.token}`, 'content-length': String(65 * 1024 * 1024) },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(status).toBe(413);
  });

  it('holds no database connection for readers that stop reading or hang up', async () => {
    const alice = await fx.join('五组', 'editor');
    const bytes = crypto.randomBytes(24 * 1024 * 1024);
    const hex = hashOf(bytes);
    expect((await alice.raw('PUT', `/v1/blobs/${hex}`, bytes)).status).toBe(201);
    // more stalled downloads than the hub has connections (10); 24 MiB is more than loopback
    // socket buffers take, so a stalled download really stalls
    const stalled = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const controller = new AbortController();
        const res = await fetch(`${fx.hub.url}/v1/blobs/${hex}`, {
          headers: { authorization: `Bearer ${alice.token}` },
          signal: controller.signal,
        });
        const reader = res.body!.getReader();
        await reader.read();
        return controller;
      }),
    );
    const status = await alice.status();
    expect(status.status).toBe(200);
    for (const c of stalled) c.abort();
    const whole = Buffer.from(await (await alice.raw('GET', `/v1/blobs/${hex}`)).arrayBuffer());
    expect(whole.equals(bytes)).toBe(true);
  }, 90_000);
});
