import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fdOutput } from '../../../electron/cli/fd-output';

afterEach(() => vi.restoreAllMocks());

function tempFile(): { fd: number; file: string } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-fd-')), 'out.txt');
  return { fd: fs.openSync(file, 'w'), file };
}

describe('fdOutput', () => {
  it('writes every byte to the descriptor, in order, without building the stream', () => {
    const { fd, file } = tempFile();
    const stream = vi.fn(() => new PassThrough());
    const out = fdOutput(fd, stream);
    out.write('第一行\n');
    out.write('second line\n');
    fs.closeSync(fd);
    expect(fs.readFileSync(file, 'utf8')).toBe('第一行\nsecond line\n');
    expect(stream).not.toHaveBeenCalled();
  });

  it('hands the rest of a write that would block, and every later write, to the stream', () => {
    const { fd, file } = tempFile();
    const real = fs.writeSync;
    let calls = 0;
    // The first call writes 4 bytes only, the second finds the descriptor full.
    vi.spyOn(fs, 'writeSync').mockImplementation(((f: number, buffer: Buffer, offset: number) => {
      calls += 1;
      if (calls === 1) return real(f, buffer, offset, 4);
      throw Object.assign(new Error('EAGAIN: resource temporarily unavailable, write'), { code: 'EAGAIN' });
    }) as typeof fs.writeSync);
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (b: Buffer) => chunks.push(b));
    const out = fdOutput(fd, () => sink);
    out.write('abcdefgh');
    out.write('ij');
    fs.closeSync(fd);
    expect(fs.readFileSync(file, 'utf8')).toBe('abcd');
    expect(Buffer.concat(chunks).toString('utf8')).toBe('efghij');
    expect(calls).toBe(2);
  });

  it('ends the process quietly (code 0) when the reader went away', () => {
    vi.spyOn(fs, 'writeSync').mockImplementation(() => {
      throw Object.assign(new Error('EPIPE: broken pipe, write'), { code: 'EPIPE' });
    });
    const exit = vi.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`);
    }) as typeof process.exit);
    expect(() => fdOutput(1, () => new PassThrough()).write('x')).toThrow('exit 0');
    expect(exit).toHaveBeenCalledWith(0);
  });

  it('lets any other write error through', () => {
    vi.spyOn(fs, 'writeSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    });
    expect(() => fdOutput(1, () => new PassThrough()).write('x')).toThrow(/ENOSPC/);
  });
});
