import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/main/core/app-core';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import type { PrintPreview } from '../../../shared/domain/print';
import { addSeed } from '../annotations/seed-library';

const options = { layout: 'gongwen', notes: 'footnotes', highlightStyle: 'fill' } as const;
let core: Core;
let doc: string;
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-print-ipc-'));
  core = createCore({ databasePath: ':memory:' });
  doc = addSeed(core.ctx.db);
});
afterEach(() => core.close());

describe('print channels', () => {
  it('refuses malformed requests with invalid_request', async () => {
    const bad = [
      [
        'print:preview',
        { docId: doc, scope: { kind: 'document' }, options: { ...options, layout: 'fancy' } },
      ],
      ['print:preview', { docId: doc, scope: { kind: 'document' }, options, extra: 1 }],
      ['print:preview', { docId: doc, scope: { kind: 'tag', tag: 'x'.repeat(41) }, options }],
      ['print:preview', { docId: doc, scope: { kind: 'document' }, options, maxPages: 1000 }],
      ['print:save', { docId: doc, scope: { kind: 'document' }, options, format: 'exe' }],
      [
        'print:save',
        { docId: doc, scope: { kind: 'document' }, options, format: 'pdf', path: '/etc/passwd' },
      ],
      ['print:print', { docId: 'x'.repeat(500), scope: { kind: 'annotated' }, options }],
      ['print:print', null],
    ] as const;
    for (const [channel, payload] of bad) {
      const result = await dispatch(core, channel, payload);
      expect(result, `${channel} ${JSON.stringify(payload).slice(0, 80)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' },
      });
    }
  });

  it('previews the first pages as positioned runs, with the font substitutions', async () => {
    const result = await dispatch(core, 'print:preview', {
      docId: doc,
      scope: { kind: 'document' },
      options,
      maxPages: 2,
    });
    if (!result.ok) throw new Error(result.error.message);
    const preview = result.value as PrintPreview;
    expect(preview.pageCount).toBeGreaterThan(10);
    expect(preview.pages).toHaveLength(2);
    expect(preview.pages[0]!.runs.map((r) => r.text).join('')).toContain('湖里区人民政府工作报告');
    expect(preview.substitutions.find((s) => s.role === 'fangsong')?.wanted).toBe('仿宋_GB2312');
    const missing = await dispatch(core, 'print:preview', {
      docId: 'nope',
      scope: { kind: 'document' },
      options,
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('saves where the platform dialog says, and nothing when the user cancels or no dialog exists', async () => {
    const job = {
      docId: doc,
      scope: { kind: 'section', sectionId: `${doc}-s2` },
      options,
      format: 'pdf',
    } as const;
    expect(await dispatch(core, 'print:save', job)).toMatchObject({
      ok: false,
      error: { code: 'print_unavailable' },
    });
    const target = path.join(dir, 'out.pdf');
    const asked: string[] = [];
    core.ctx.platform.chooseSaveFile = async ({ defaultName }) => {
      asked.push(defaultName);
      return target;
    };
    const saved = await dispatch(core, 'print:save', job);
    expect(saved).toMatchObject({ ok: true, value: { file: target } });
    expect(asked).toEqual(['2021年湖里区人民政府工作报告.pdf']);
    expect(fs.readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
    core.ctx.platform.chooseSaveFile = async () => null;
    expect(await dispatch(core, 'print:save', { ...job, format: 'md' })).toEqual({
      ok: true,
      value: { file: null, bytes: 0 },
    });
    expect(fs.readdirSync(dir)).toEqual(['out.pdf']);
  });

  it('hands the PDF to the platform to print', async () => {
    const job = { docId: doc, scope: { kind: 'annotated' }, options } as const;
    expect(await dispatch(core, 'print:print', job)).toMatchObject({
      ok: false,
      error: { code: 'print_unavailable' },
    });
    let got: Buffer | null = null;
    core.ctx.platform.printPdf = async (pdf) => {
      got = pdf;
      return true;
    };
    expect(await dispatch(core, 'print:print', job)).toEqual({ ok: true, value: { printed: true } });
    expect(got!.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
