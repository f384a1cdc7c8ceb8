import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL cluster for hub tests and the hub benchmark (no vitest here, so bench/
 * can use it): `initdb` + `pg_ctl` in a temp dir, run as an
 * unprivileged user (initdb refuses root, and CI runs as root), listening on a free loopback port
 * with password (SCRAM) authentication, so member credentials are tested the way a server uses them.
 */

function findBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => /^\d+$/.test(v) && Number(v) >= 15)
    .sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const dir = path.join(root, v, 'bin');
    if (fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'))) return dir;
  }
  return null;
}

export const PG_BIN_DIR = findBinDir();
export const pgAvailable = PG_BIN_DIR !== null;

export interface PgCluster {
  /** Superuser connection string to the `postgres` database. */
  url: string;
  host: string;
  port: number;
  superuser: string;
  password: string;
  /** A connection string for another database or user on this cluster. */
  urlFor(options: { database?: string; user?: string; password?: string }): string;
  /** Creates an empty database and returns its superuser connection string. */
  createDatabase(name: string): string;
  /** `pg_ctl restart -m fast`: every connection is cut, as a server restart cuts them. */
  restart(): void;
  /** `pg_dump -Fc` of a database; returns the dump's path (inside the cluster's directory). */
  dump(database: string): string;
  /** `pg_restore --clean` of a dump into its database, as an administrator restores a backup. */
  restore(database: string, file: string): void;
  /** A file-level backup: the server stopped, its data directory copied (`cp -a`), started again. */
  backupFiles(): string;
  /** Puts a file-level backup back: the server stopped, the data directory replaced by the copy, started. */
  restoreFiles(copy: string): void;
  stop(): void;
}

/** initdb refuses to run as root: as root the cluster runs as `nobody` (present on every Debian). */
const RUN_AS = process.getuid?.() === 0 ? 'nobody' : null;

function run(bin: string, args: string[], timeoutMs = 60_000): string {
  const file = path.join(PG_BIN_DIR ?? '', bin);
  const [cmd, argv] = RUN_AS ? ['runuser', ['-u', RUN_AS, '--', file, ...args]] : [file, args];
  return execFileSync(cmd, argv, { encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function chownToRunner(p: string): void {
  if (!RUN_AS) return;
  const uid = Number(execFileSync('id', ['-u', RUN_AS], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', RUN_AS], { encoding: 'utf8' }).trim());
  fs.chownSync(p, uid, gid);
}

/** Starts a fresh cluster (about 2–3 s). Call `stop()` in afterAll; it also removes the directory. */
export async function startPgCluster(): Promise<PgCluster> {
  if (!PG_BIN_DIR) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql/*/bin');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-pg-'));
  fs.chmodSync(dir, 0o755);
  const data = path.join(dir, 'data');
  const sock = path.join(dir, 'sock');
  const pwfile = path.join(dir, 'pw');
  const superuser = 'hub_admin';
  const password = crypto.randomBytes(18).toString('base64url');
  fs.mkdirSync(data, { mode: 0o700 });
  fs.mkdirSync(sock, { mode: 0o700 });
  fs.writeFileSync(pwfile, password + '\n', { mode: 0o600 });
  for (const p of [data, sock, pwfile]) chownToRunner(p);
  let started = false;
  const stop = () => {
    if (started) {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'], 30_000);
      } catch {
        // already stopped (a test may crash it on purpose); the directory goes regardless
      }
      started = false;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', [
      '-D',
      data,
      '-U',
      superuser,
      `--pwfile=${pwfile}`,
      '-A',
      'scram-sha-256',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
      '--no-instructions',
    ]);
    fs.rmSync(pwfile);
    const port = await freePort();
    const options = [
      `-p ${port}`,
      `-k ${sock}`,
      '-c listen_addresses=127.0.0.1',
      // crash safety of a throwaway cluster does not matter; speed on a shared 2-core box does
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    const start = () =>
      run('pg_ctl', ['-D', data, '-l', path.join(sock, 'pg.log'), '-o', options, '-w', '-t', '60', 'start']);
    start();
    started = true;
    const host = '127.0.0.1';
    const urlFor = (o: { database?: string; user?: string; password?: string }) =>
      `postgres://${encodeURIComponent(o.user ?? superuser)}:${encodeURIComponent(o.password ?? password)}` +
      `@${host}:${port}/${encodeURIComponent(o.database ?? 'postgres')}`;
    const client = (bin: string, args: string[]) => {
      const res = spawnSync(
        RUN_AS ? 'runuser' : path.join(PG_BIN_DIR, bin),
        [
          ...(RUN_AS ? ['-u', RUN_AS, '--', path.join(PG_BIN_DIR, bin)] : []),
          ...['-h', host, '-p', String(port), '-U', superuser],
          ...args,
        ],
        { encoding: 'utf8', env: { ...process.env, PGPASSWORD: password }, timeout: 120_000 },
      );
      if (res.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed: ${res.stderr}`);
    };
    const createDatabase = (name: string) => {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`bad database name ${name}`);
      client('createdb', [name]);
      return urlFor({ database: name });
    };
    let dumps = 0;
    const dump = (database: string) => {
      const file = path.join(sock, `dump-${++dumps}.pgdump`);
      client('pg_dump', ['-Fc', '-f', file, database]);
      return file;
    };
    const restore = (database: string, file: string) =>
      client('pg_restore', ['--clean', '--if-exists', '--single-transaction', '-d', database, file]);
    const restart = () =>
      run('pg_ctl', [
        '-D',
        data,
        '-l',
        path.join(sock, 'pg.log'),
        '-o',
        options,
        '-m',
        'fast',
        '-w',
        'restart',
      ]);
    let copies = 0;
    const copyDir = (from: string, to: string) => {
      const res = spawnSync('cp', ['-a', from, to], { encoding: 'utf8' });
      if (res.status !== 0) throw new Error(`cp -a ${from} ${to} failed: ${res.stderr}`);
    };
    const whileStopped = (work: () => void) => {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      try {
        work();
      } finally {
        start();
      }
    };
    const backupFiles = () => {
      const copy = path.join(dir, `files-${++copies}`);
      whileStopped(() => copyDir(data, copy));
      return copy;
    };
    const restoreFiles = (copy: string) =>
      whileStopped(() => {
        fs.rmSync(data, { recursive: true, force: true });
        copyDir(copy, data);
      });
    return {
      url: urlFor({}),
      host,
      port,
      superuser,
      password,
      urlFor,
      createDatabase,
      restart,
      dump,
      restore,
      backupFiles,
      restoreFiles,
      stop,
    };
  } catch (error) {
    const log = path.join(sock, 'pg.log');
    const tail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').slice(-2000) : '';
    stop();
    throw new Error(`could not start a temporary PostgreSQL cluster: ${String(error)}\n${tail}`, {
      cause: error,
    });
  }
}
