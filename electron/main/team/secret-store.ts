import fs from 'node:fs';
import path from 'node:path';
import type { SecretStore } from '../kernel/secret-store';

export type { SecretStore } from '../kernel/secret-store';

/** A 0600 file beside the library (`<library>.team-token`), created with that mode from the start. */
export function fileSecretStore(file: string): SecretStore {
  return {
    get() {
      try {
        return fs.readFileSync(file, 'utf8').trim() || null;
      } catch {
        return null;
      }
    },
    set(secret) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, secret, { mode: 0o600 });
      fs.chmodSync(tmp, 0o600);
      fs.renameSync(tmp, file);
    },
    clear() {
      fs.rmSync(file, { force: true });
    },
  };
}

/** What an encrypting store needs (Electron's safeStorage has this shape). */
export interface Encryptor {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(data: Buffer): string;
}

/**
 * The token encrypted by the OS keychain, stored as base64 in a file beside the library; refuses
 * to store anything when the platform offers no encryption rather than keep it in plain text.
 */
export function encryptedSecretStore(file: string, crypto: Encryptor): SecretStore {
  const plain = fileSecretStore(file);
  return {
    get() {
      const stored = plain.get();
      if (!stored) return null;
      try {
        return crypto.decryptString(Buffer.from(stored, 'base64'));
      } catch {
        return null;
      }
    },
    set(secret) {
      if (!crypto.isEncryptionAvailable()) throw new Error('no OS keychain to keep the hub token in');
      plain.set(crypto.encryptString(secret).toString('base64'));
    },
    clear: () => plain.clear(),
  };
}

export const defaultTokenFile = (databasePath: string): string => `${databasePath}.team-token`;
