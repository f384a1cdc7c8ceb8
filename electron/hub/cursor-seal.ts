/**
 * The hub's seal on the cursor tokens it hands out (issue 14): a desktop's cursor and token may
 * start a new epoch (migration 003), so they must be ones this hub gave, not ones a member made
 * up. The token on the wire is `<uuid>.<written>.<HMAC-SHA256>` over the library, epoch, version,
 * uuid and the moment the version was written (PostgreSQL's clock, microseconds, base 36: after a
 * restore of the data directory it tells which server start was the restore's, migration 006),
 * keyed by a secret kept in a file OUTSIDE the database: restoring the database changes neither
 * the key nor the seals it made, so a restore is still told apart from a forgery. Every
 * `yandu hub serve` of one database must read the same key file. Tokens sealed before the moment
 * was added (`<uuid>.<mac>`) still open, without it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SEALED_VERSION_TOKEN } from '../../shared/team/protocol';

const KEY_BYTES = 32;

/** `$YANDU_HUB_KEY_FILE`, else `hub.key` in the user's yandu config folder. */
export function defaultKeyFile(): string {
  if (process.env.YANDU_HUB_KEY_FILE) return process.env.YANDU_HUB_KEY_FILE;
  const config = process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(config, 'yandu', 'hub.key');
}

/**
 * Reads the key, making it (0600) when the file is missing. Made under a temporary name and
 * linked into place, so two services starting at once end up with the one that linked first.
 */
export function loadServiceKey(file: string): Buffer {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.${crypto.randomUUID()}`;
    fs.writeFileSync(temp, `${crypto.randomBytes(KEY_BYTES).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    try {
      fs.linkSync(temp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.unlinkSync(temp);
    }
  }
  if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0)
    throw new Error(`the hub key file ${file} is readable by others: chmod 600 it`);
  const text = fs.readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(text)) throw new Error(`the hub key file ${file} does not hold a key`);
  return Buffer.from(text, 'hex');
}

/** A short name for a key, safe to print: services showing different ones seal differently. */
export const keyFingerprint = (key: Buffer): string =>
  crypto.createHash('sha256').update(key).digest('hex').slice(0, 12);

/** What a sealed token names: the version's uuid and, when sealed with it, when it was written. */
export interface OpenedToken {
  uuid: string;
  /** Microseconds since 1970 on the database server's clock. */
  writtenAt?: number;
}

export interface CursorSeal {
  /** The wire token of `version`'s uuid, sealed for this library and epoch. */
  seal(
    libraryId: string,
    epoch: string | undefined,
    version: number,
    uuid: string,
    writtenAt?: number,
  ): string;
  /**
   * What a token this hub sealed for exactly this library, epoch and version names; `null` for an
   * unsealed one (handed out before sealing: judged by nothing, and answered with a sealed one);
   * `false` for a token whose seal does not hold (made up, or sealed with another key).
   */
  open(libraryId: string, epoch: string, version: number, token: string): OpenedToken | null | false;
}

export function createCursorSeal(key: Buffer): CursorSeal {
  const mac = (libraryId: string, epoch: string, version: number, uuid: string, written?: string) =>
    crypto
      .createHmac('sha256', key)
      .update(
        (written === undefined
          ? ['yandu-cursor-1', libraryId, epoch, String(version), uuid]
          : ['yandu-cursor-2', libraryId, epoch, String(version), uuid, written]
        ).join('\n'),
      )
      .digest();
  return {
    seal(libraryId, epoch, version, uuid, writtenAt) {
      const written = writtenAt === undefined ? undefined : writtenAt.toString(36);
      const sealed = mac(libraryId, epoch ?? '', version, uuid, written).toString('base64url');
      return written === undefined ? `${uuid}.${sealed}` : `${uuid}.${written}.${sealed}`;
    },
    open(libraryId, epoch, version, token) {
      const sealed = SEALED_VERSION_TOKEN.exec(token);
      if (!sealed) return token.includes('.') ? false : null;
      const [, uuid, written, given] = sealed as unknown as [string, string, string | undefined, string];
      const expected = mac(libraryId, epoch, version, uuid, written);
      const mark = Buffer.from(given, 'base64url');
      if (mark.length !== expected.length || !crypto.timingSafeEqual(mark, expected)) return false;
      return written === undefined ? { uuid } : { uuid, writtenAt: parseInt(written, 36) };
    },
  };
}
