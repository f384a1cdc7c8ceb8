import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAnnotations } from '../../../electron/main/annotations/repository';
import { openDatabase } from '../../../electron/main/store/database';
import { addSeed } from './seed-library';

const WRITER = path.join(__dirname, 'durability-writer.ts');

describe('durability', () => {
  it('loses no committed annotation when the process is killed mid-write', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-kill-')), 'library.db');
    const setup = openDatabase(file);
    addSeed(setup);
    setup.close();

    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file], {
      cwd: path.resolve(__dirname, '../../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const committed: string[] = [];
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => {
        buffer += b.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        committed.push(...lines);
        // Kill while it is writing, without warning (SIGKILL: no handler, no clean close).
        if (committed.length >= 200) child.kill('SIGKILL');
      });
      child.on('exit', () => (committed.length >= 200 ? resolve() : reject(new Error(stderr))));
    });

    const db = openDatabase(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Set(listAnnotations(db).map((a) => a.id));
    expect(committed.filter((id) => !stored.has(id))).toEqual([]);
    // At most the action in flight is lost: nothing half-written (an annotation without its tag).
    const untagged = db
      .prepare(
        `SELECT count(*) FROM annotations a WHERE NOT EXISTS (SELECT 1 FROM annotation_tags t WHERE t.annotation_id = a.id)`,
      )
      .pluck()
      .get();
    expect(untagged).toBe(0);
    // …and the undo log committed with the data it describes.
    const strayOps = db
      .prepare(
        `SELECT count(*) FROM undo_log o WHERE o.kind = 'annotation' AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.id = o.object_id)`,
      )
      .pluck()
      .get();
    expect(strayOps).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM undo_log WHERE kind = 'annotation'`).pluck().get()).toBe(
      Math.min(stored.size, 200),
    );
    db.close();
  });
});
