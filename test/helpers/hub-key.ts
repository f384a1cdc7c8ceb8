import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A key file for the hubs of one test file, in a temp folder of its own (the default one lives in
 * the user's config folder, which tests leave alone). Kept across restarts, as a server keeps it.
 */
export function tempHubKeyFile(): { file: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-hub-key-'));
  return { file: path.join(dir, 'hub.key'), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
