import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  encryptedSecretStore,
  fileSecretStore,
  type Encryptor,
} from '../../../electron/main/team/secret-store';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-secrets-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Stands in for Electron's safeStorage: a reversible transform, so the test sees what is stored. */
const fakeKeychain = (available = true): Encryptor => ({
  isEncryptionAvailable: () => available,
  encryptString: (text) => Buffer.from([...Buffer.from(text)].map((b) => b ^ 0x5a)),
  decryptString: (data) => Buffer.from([...data].map((b) => b ^ 0x5a)).toString(),
});

describe('where the hub token is kept', () => {
  it('the CLI file is readable only by the user, and clear removes it', () => {
    const file = path.join(dir, 'a', 'library.db.team-token');
    const store = fileSecretStore(file);
    expect(store.get()).toBeNull();
    store.set('tok-123');
    expect(store.get()).toBe('tok-123');
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    store.clear();
    expect(store.get()).toBeNull();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('the app keeps it encrypted by the keychain, never in plain text', () => {
    const file = path.join(dir, 'b.enc');
    const store = encryptedSecretStore(file, fakeKeychain());
    store.set('secret-token-value');
    expect(fs.readFileSync(file, 'utf8')).not.toContain('secret-token-value');
    expect(store.get()).toBe('secret-token-value');
  });

  it('refuses to store the token when the platform has no keychain', () => {
    const store = encryptedSecretStore(path.join(dir, 'c.enc'), fakeKeychain(false));
    expect(() => store.set('x')).toThrow(/keychain/);
    expect(store.get()).toBeNull();
  });
});
