import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, seedBundledDocuments } from '../../../electron/main/core/app-core';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import { deleteDocument, insertDocument } from '../../../electron/main/store/document-writer';
import { sampleDocument } from '../../helpers/sample-document';

const bundled = path.resolve(__dirname, '../../../resources/documents');

function freshCore() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-first-run-'));
  return createCore({ databasePath: path.join(dir, 'library.db') });
}

describe('first run', () => {
  it('imports the bundled report into an empty library and opens it by default', async () => {
    const core = freshCore();
    expect(await dispatch(core, 'documents:default', {})).toEqual({ ok: true, value: null });
    await seedBundledDocuments(core.ctx, bundled);
    const list = await dispatch(core, 'documents:list', {});
    expect(list.ok && (list.value as { title: string }[]).map((d) => d.title)).toEqual([
      '2021年湖里区人民政府工作报告',
    ]);
    const def = await dispatch(core, 'documents:default', {});
    expect(def.ok && def.value).toEqual({ id: expect.stringMatching(/^d[0-9a-f]{10}$/) });
  });

  it('seeds once: a library the user emptied stays empty after a restart', async () => {
    const core = freshCore();
    await seedBundledDocuments(core.ctx, bundled);
    const ids = (core.ctx.db.prepare('SELECT id FROM documents').all() as { id: string }[]).map((r) => r.id);
    ids.forEach((id) => deleteDocument(core.ctx.db, id));
    await seedBundledDocuments(core.ctx, bundled);
    expect(core.ctx.db.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 0 });
  });

  it('remembers the last document read', async () => {
    const core = freshCore();
    await seedBundledDocuments(core.ctx, bundled);
    const otherId = insertDocument(core.ctx.db, sampleDocument(), { file: null, format: null });
    // Reading a document (the comparison does) is not opening it in the reader.
    await dispatch(core, 'documents:get', { id: otherId });
    expect(await dispatch(core, 'documents:default', {})).not.toEqual({
      ok: true,
      value: { id: otherId },
    });
    await dispatch(core, 'documents:opened', { id: otherId });
    expect(await dispatch(core, 'documents:opened', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await dispatch(core, 'documents:opened', { id: otherId, extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(await dispatch(core, 'documents:default', {})).toEqual({
      ok: true,
      value: { id: otherId },
    });
  });
});
