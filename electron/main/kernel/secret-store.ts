/**
 * Where the hub's device token is kept. The window shell supplies one backed by Electron
 * `safeStorage` (the OS keychain); the CLI keeps it in a file only the user may read (0600),
 * as issue 14 allows. The core never sees how. (In the kernel because the shell hands it over
 * with the platform services; team/secret-store.ts has the implementations.)
 */
export interface SecretStore {
  get(): string | null;
  set(secret: string): void;
  clear(): void;
}
