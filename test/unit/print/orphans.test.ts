import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { PRINT_WORDS } from '../../../electron/main/print/paragraphs';
import { runCli } from '../../helpers/cli';
import { revisedSeed } from '../annotations/revised-seed';
import { SEED_FILE } from '../annotations/seed-library';
import { joined, pdfText } from './read-back';

it('prints an annotation whose paragraph a revised edition deleted, flagged, with its quote and note', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-print-orphan-'));
  const db = path.join(dir, 'lib.db');
  const doc = (await runCli(['import', SEED_FILE, '--db', db, '--json'])).json<{
    imported: { id: string }[];
  }>().imported[0]!.id;
  const bundle = (await runCli(['export', doc, '--db', db, '--json'])).json<{
    passages: { id: string; text: string }[];
  }>();
  const quote = '对口帮扶精准有效';
  const passage = bundle.passages.find((p) => p.text.includes(quote))!;
  const start = passage.text.indexOf(quote);
  const args = ['--start', String(start), '--end', String(start + quote.length), '--note', '帮扶成效待核实'];
  expect((await runCli(['annotate', passage.id, ...args, '--db', db])).code).toBe(0);
  const revised = path.join(dir, 'huli-2021-revised.txt');
  fs.writeFileSync(revised, revisedSeed());
  expect((await runCli(['import', '--replace', doc, revised, '--db', db])).code).toBe(0);

  const out = path.join(dir, 'orphans.pdf');
  expect((await runCli(['print', doc, '--annotated', '--out', out, '--db', db])).code).toBe(0);
  const text = joined(pdfText(out));
  expect(text).toContain(PRINT_WORDS.orphaned);
  expect(text).toContain(quote);
  expect(text).toMatch(/\[1\] ?帮扶成效待核实/);
  expect(text).toContain('（原位置已不存在）');
});
