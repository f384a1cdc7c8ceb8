import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import type { ImportSummary } from '../../../shared/domain/import';
import { SEED_FILE } from './seed-fixture';

let dir: string;
const file = (name: string) => path.join(dir, name);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-cli-cancel-'));
  fs.writeFileSync(file('notes.txt'), '周末去图书馆还书。\n\n下周二给王老师打电话。\n');
  fs.writeFileSync(file('memo.txt'), '会议纪要\n\n一、会议议定事项。\n\n请各单位抓好落实。\n');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * Runs `yandu …` in-process; `interruptAfter` is a stderr line at which the run gets SIGINT, sent
 * from inside the write so it lands exactly between that file and the next (no timing involved).
 */
async function runInterrupted(argv: string[], interruptAfter: RegExp) {
  const out: string[] = [];
  const err: string[] = [];
  let interrupted = false;
  const stderr = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const line = chunk.toString('utf8');
      err.push(line);
      if (!interrupted && interruptAfter.test(line)) {
        interrupted = true;
        process.emit('SIGINT');
      }
      callback();
    },
  });
  const stdout = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      out.push(chunk.toString('utf8'));
      callback();
    },
  });
  const stdin = new PassThrough();
  stdin.end();
  const code = await main(argv, { stdout, stderr, stdin });
  return { code, stdout: out.join(''), stderr: err.join(''), interrupted };
}

describe('yandu import and Ctrl+C', () => {
  it('finishes the file in hand, lists the rest as cancelled and exits 130', async () => {
    const listeners = process.listenerCount('SIGINT');
    const db = file('lib-json.sqlite');
    const files = [SEED_FILE, file('notes.txt'), file('memo.txt')];
    const run = await runInterrupted(['import', ...files, '--db', db, '--json'], /\[1\/3\] done/);
    expect(run.interrupted).toBe(true);
    expect(run.code).toBe(130);
    const summary = JSON.parse(run.stdout) as ImportSummary;
    expect(summary.imported.map((d) => d.file)).toEqual([SEED_FILE]);
    expect(summary.cancelled).toBe(true);
    expect(summary.skipped.map((s) => [path.basename(s.file), s.code])).toEqual([
      ['notes.txt', 'import_cancelled'],
      ['memo.txt', 'import_cancelled'],
    ]);
    expect(run.stderr).toMatch(/正在取消 \/ cancelling/);
    expect(run.stderr).toMatch(/\[2\/3\] cancelled .*notes\.txt {2}已取消：notes\.txt 未导入。/);
    // The handler is gone with the command: a later Ctrl+C is the shell's again.
    expect(process.listenerCount('SIGINT')).toBe(listeners);

    // The document stored before the interrupt is in the library, whole.
    const list = await runInterrupted(['list', '--db', db, '--json'], /$^/);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(1);
  }, 60_000);

  it('marks the cancelled files in the plain-text summary', async () => {
    const files = [file('notes.txt'), file('memo.txt')];
    const run = await runInterrupted(['import', ...files, '--db', file('lib-text.sqlite')], /\[1\/2\] done/);
    expect(run.code).toBe(130);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^imported \S+\t2 passages\t/);
    expect(lines[1]).toBe(`cancelled ${file('memo.txt')}\t已取消：memo.txt 未导入。`);
  }, 60_000);
});
