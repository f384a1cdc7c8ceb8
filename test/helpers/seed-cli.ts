import { expect } from 'vitest';
import { SEED_FILE } from '../unit/annotations/seed-library';
import { runCli } from './cli';

/** Imports the bundled report with `yandu import` into `db` and returns its id and passages. */
export async function importSeedWithCli(
  db: string,
): Promise<{ doc: string; passages: { id: string; text: string }[] }> {
  const imported = await runCli(['import', SEED_FILE, '--db', db, '--json']);
  expect(imported.code).toBe(0);
  const doc = imported.json<{ imported: { id: string }[] }>().imported[0]!.id;
  const passages = (await runCli(['export', doc, '--db', db, '--json'])).json<{
    passages: { id: string; text: string }[];
  }>().passages;
  return { doc, passages };
}
