import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../../electron/main/ingest/read-document';
import { seedText } from './seed-fixture';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-boilerplate-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function read(name: string, text: string) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return (await readDocument(file)).doc;
}

/** The seed's text run together on one line, repeated to `chars` characters. */
function oneLine(chars: number): string {
  const flat = seedText().replace(/\s+/g, '');
  return flat.repeat(Math.ceil(chars / flat.length)).slice(0, chars);
}

describe('boilerplate stripping removes only short lines', () => {
  it('imports a 400 k character one-line file that starts like page chrome (• 索 引 号:…), whole', async () => {
    const text = oneLine(400_000);
    expect(text.startsWith('•索引号:')).toBe(true);
    const doc = await read('one-line.txt', text);
    const body = doc.passages.map((p) => p.text).join('');
    expect(body.length).toBeGreaterThan(390_000);
    expect(body).toContain('现在,我代表湖里区人民政府向大会报告工作');
  }, 60_000);

  it('keeps a long line that starts like a site trailer or a licence notice', async () => {
    for (const head of ['责任编辑:', '本作品来自', '相关链接', '注:中文维基文库社群认为']) {
      const doc = await read('trailer.txt', `${head}${oneLine(5_000)}`);
      expect(doc.passages.map((p) => p.text).join('').length, head).toBeGreaterThan(5_000);
    }
  });

  it('imports a file of nothing but header fields as what it says, never as an empty file', async () => {
    const doc = await read('fields.txt', '索引号:XM02100-0301-2021-00001\n发布机构:厦门市湖里区人民政府\n');
    expect(doc.passages.map((p) => p.text)).toEqual([
      '索引号:XM02100-0301-2021-00001',
      '发布机构:厦门市湖里区人民政府',
    ]);
  });

  it('still reads the short header fields of the seed as metadata', async () => {
    const doc = await read('seed.txt', seedText());
    expect(doc.meta.indexNumber).toBe('XM02100-0301-2021-00001');
    expect(doc.passages[0]!.text.startsWith('•')).toBe(false);
  });
});
