import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { keyFingerprint, loadServiceKey, startHub } from '../../../electron/hub';
import type { JoinResponse, PushResponse } from '../../../shared/team/protocol';
import { runCli } from '../../helpers/cli';
import { tempHubKeyFile } from '../../helpers/hub-key';
import { describePg, startPgCluster, type PgCluster } from '../../helpers/pg-cluster';

describePg('yandu hub init|invite|members|serve', () => {
  let cluster: PgCluster;
  let db: string;
  const key = tempHubKeyFile();
  beforeAll(async () => {
    cluster = await startPgCluster();
    db = cluster.createDatabase('hub_cli');
  }, 60_000);
  afterAll(() => {
    cluster?.stop();
    key.remove();
  });
  /** `yandu hub members` on the test library, with more options. */
  const members = (...more: string[]) =>
    runCli(['hub', 'members', '--db', db, '--library', '政策研究室', ...more]);

  const initLibrary = () =>
    runCli([
      'hub',
      'init',
      '--db',
      db,
      '--library',
      '政策研究室',
      '--owner',
      '张三',
      '--key-file',
      key.file,
      '--json',
    ]);

  it('sets up a library, invites, and lists the members who joined', async () => {
    const init = await initLibrary();
    expect(init.code, init.stderr).toBe(0);
    const made = init.json<{
      library: { id: string; name: string };
      created: boolean;
      invitation: { code: string; role: string };
    }>();
    expect(made).toMatchObject({
      library: { name: '政策研究室' },
      created: true,
      invitation: { role: 'owner' },
    });
    // the key sealing cursor tokens, outside the database and for the service's user alone
    expect(init.json()).toMatchObject({
      keyFile: key.file,
      keyFingerprint: keyFingerprint(loadServiceKey(key.file)),
    });
    expect(fs.statSync(key.file).mode & 0o777).toBe(0o600);
    const sealKey = fs.readFileSync(key.file, 'utf8');
    // Run again: the same library, not a second one, and the same key.
    const again = await initLibrary();
    expect(again.json()).toMatchObject({ library: { id: made.library.id }, created: false });
    expect(fs.readFileSync(key.file, 'utf8')).toBe(sealKey);

    const invite = await runCli([
      'hub',
      'invite',
      '--db',
      db,
      '--library',
      '政策研究室',
      '--role',
      'reader',
      '--uses',
      '2',
      '--json',
    ]);
    expect(invite.json()).toMatchObject({ role: 'reader', uses: 2, library: { id: made.library.id } });
    const readerCode = invite.json<{ code: string }>().code;

    const hub = await startHub({ databaseUrl: db, keyFile: key.file });
    try {
      const join = (code: string, memberName: string) =>
        fetch(`${hub.url}/v1/join`, {
          method: 'POST',
          body: JSON.stringify({ code, memberName, deviceName: '笔记本' }),
        });
      const owner = (await (await join(made.invitation.code, '张三')).json()) as JoinResponse;
      expect(owner.member.role).toBe('owner');
      expect((await join(made.invitation.code, '冒名')).status).toBe(403); // single use
      const wang = (await (await join(readerCode, '王五')).json()) as JoinResponse;
      expect(wang.member.role).toBe('reader');
      expect((await join(readerCode, '赵六')).status).toBe(200);
      expect((await join(readerCode, '多余')).status).toBe(403); // two uses only

      const listed = await members('--json');
      const rows = listed.json<{ id: string; name: string; role: string; devices: number }[]>();
      expect(rows.map((m) => [m.name, m.role, m.devices])).toEqual([
        ['张三', 'owner', 1],
        ['王五', 'reader', 1],
        ['赵六', 'reader', 1],
      ]);

      const pushAsWang = async () => {
        const res = await fetch(`${hub.url}/v1/push`, {
          method: 'POST',
          headers: { authorization: `Bearer ${wang.token}` },
          body: JSON.stringify({
            batchId: crypto.randomUUID(),
            changes: [
              {
                kind: 'briefing',
                id: crypto.randomUUID(),
                op: 'put',
                baseVersion: null,
                data: { title: 't', audience: '', date: '' },
              },
            ],
          }),
        });
        return res.status === 200 ? ((await res.json()) as PushResponse).results[0]?.status : res.status;
      };
      expect(await pushAsWang()).toBe('forbidden');
      const promoted = await members('--set-role', wang.member.id, '--role', 'editor', '--json');
      expect(promoted.json<{ name: string; role: string }[]>().find((m) => m.name === '王五')?.role).toBe(
        'editor',
      );
      expect(await pushAsWang()).toBe('accepted');
      const removed = await members('--remove', wang.member.id, '--json');
      expect(removed.json<{ name: string }[]>().map((m) => m.name)).toEqual(['张三', '赵六']);
      expect(await pushAsWang()).toBe(401);
      expect((await members('--set-role', wang.member.id)).code).toBe(2);
    } finally {
      await hub.close();
    }

    const zhao = (await members('--json')).json<{ id: string }[]>()[1]!;
    const creds = await runCli(['hub', 'members', '--db', db, '--pg-password', zhao.id, '--json']);
    expect(creds.json()).toMatchObject({
      memberId: zhao.id,
      user: expect.stringMatching(/^ydm_/),
      password: expect.any(String),
    });

    const unknown = await runCli(['hub', 'invite', '--db', db, '--library', '没有这个库']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no library named/);
    expect((await runCli(['hub', 'invite', '--library', 'x'])).code).toBe(2);
    expect((await runCli(['hub', 'frobnicate', '--db', db])).code).toBe(2);
  });

  it('serves until SIGTERM and then stops cleanly', async () => {
    const child = spawn(
      process.execPath,
      [
        path.resolve(__dirname, '../../../bin/yandu.cjs'),
        'hub',
        'serve',
        '--db',
        db,
        '--port',
        '0',
        '--key-file',
        key.file,
        '--json',
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const started = await new Promise<{ url: string }>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => {
        stdout += b.toString();
        if (stdout.includes('}')) resolve(JSON.parse(stdout) as { url: string });
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    const res = await fetch(`${started.url}/v1/status`);
    expect(res.status).toBe(401);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/GET \/v1\/status 401/);
    // the key it seals with, named so services of one database can be compared
    expect(stderr).toContain(
      `cursor seal key ${key.file}, fingerprint ${keyFingerprint(loadServiceKey(key.file))}`,
    );
    expect(stderr).toMatch(/SIGTERM, stopping[\s\S]*stopped/);
  }, 60_000);
});
