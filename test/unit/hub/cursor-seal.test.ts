import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCursorSeal, loadServiceKey } from '../../../electron/hub/cursor-seal';
import { tempHubKeyFile } from '../../helpers/hub-key';

/** The seal on cursor tokens and the key file it comes from (no database needed). */
describe('hub cursor seal', () => {
  let key: ReturnType<typeof tempHubKeyFile>;
  beforeEach(() => (key = tempHubKeyFile()));
  afterEach(() => key.remove());
  const lib = crypto.randomUUID();
  const epoch = crypto.randomUUID();
  const uuid = crypto.randomUUID();

  it('opens only what it sealed, for that library, epoch and version', () => {
    const seal = createCursorSeal(loadServiceKey(key.file));
    const token = seal.seal(lib, epoch, 7, uuid);
    expect(seal.open(lib, epoch, 7, token)).toEqual({ uuid });
    expect(seal.open(lib, epoch, 8, token)).toBe(false);
    expect(seal.open(lib, crypto.randomUUID(), 7, token)).toBe(false);
    expect(seal.open(crypto.randomUUID(), epoch, 7, token)).toBe(false);
    expect(seal.open(lib, epoch, 7, `${crypto.randomUUID()}${token.slice(36)}`)).toBe(false);
    // a bare uuid: handed out before sealing, judged by nothing
    expect(seal.open(lib, epoch, 7, uuid)).toBeNull();
    // another key's seal
    const other = createCursorSeal(crypto.randomBytes(32));
    expect(seal.open(lib, epoch, 7, other.seal(lib, epoch, 7, uuid))).toBe(false);
  });

  it('seals the moment a version was written with it, so that it cannot be changed', () => {
    const seal = createCursorSeal(loadServiceKey(key.file));
    const written = Date.UTC(2026, 11, 8) * 1000 + 123;
    const token = seal.seal(lib, epoch, 7, uuid, written);
    expect(token).toMatch(/^[0-9a-f-]{36}\.[0-9a-z]+\.[A-Za-z0-9_-]{43}$/);
    expect(seal.open(lib, epoch, 7, token)).toEqual({ uuid, writtenAt: written });
    const [id, moment, mac] = token.split('.');
    // another moment under the same mac, or the moment dropped: not this hub's token
    expect(seal.open(lib, epoch, 7, `${id}.${(written + 1).toString(36)}.${mac}`)).toBe(false);
    expect(seal.open(lib, epoch, 7, `${id}.${mac}`)).toBe(false);
    expect(moment).toBe(written.toString(36));
    expect(seal.open(lib, epoch, 8, token)).toBe(false);
  });

  it('makes the key file once (0600) and reads the same key after', () => {
    const first = loadServiceKey(key.file);
    expect(fs.statSync(key.file).mode & 0o777).toBe(0o600);
    expect(loadServiceKey(key.file).equals(first)).toBe(true);
    expect(first).toHaveLength(32);
  });

  it('refuses a key file others can read, or one holding no key', () => {
    loadServiceKey(key.file);
    fs.chmodSync(key.file, 0o644);
    expect(() => loadServiceKey(key.file)).toThrow(/chmod 600/);
    fs.writeFileSync(key.file, 'not a key\n', { mode: 0o600 });
    fs.chmodSync(key.file, 0o600);
    expect(() => loadServiceKey(key.file)).toThrow(/does not hold a key/);
  });
});
