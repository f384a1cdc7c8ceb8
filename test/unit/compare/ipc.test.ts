import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/main/core/app-core';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import { insertDocument } from '../../../electron/main/store/document-writer';
import type { ComparePair, DocumentComparison } from '../../../shared/domain/compare';
import { sampleDocument } from '../../helpers/sample-document';

/** Two editions of the sample district's report, a year apart, one sentence reworded. */
function library() {
  const core = createCore({ databasePath: ':memory:' });
  const older = insertDocument(core.ctx.db, sampleDocument(), { file: null, format: null });
  const next = sampleDocument('2022年示例区人民政府工作报告');
  next.meta.date = '2022-01-10';
  next.passages[2]!.text = '硬核举措“防扩散”。设置1000个卡口。';
  const newer = insertDocument(core.ctx.db, next, { file: null, format: null });
  return { core, older, newer };
}

describe('compare IPC', () => {
  it('compares two documents and names the default pair', async () => {
    const { core, older, newer } = library();
    const result = await dispatch(core, 'compare:documents', { a: older, b: newer });
    expect(result.ok).toBe(true);
    const c = (result as { value: DocumentComparison }).value;
    const task = c.sections.find((r) => r.aTitle === '疫情防控工作取得显著成效')!;
    expect(task.b).not.toBeNull();
    expect(task.passages[0]!.changes).toMatchObject([{ kind: 'changed' }]);
    const pair = await dispatch(core, 'compare:default-pair', { docId: newer });
    expect(pair).toEqual({ ok: true, value: { a: older, b: newer, basis: 'issuer' } satisfies ComparePair });
    expect(await dispatch(core, 'compare:default-pair', {})).toEqual(pair);
  });

  it('answers an unknown document with not_found', async () => {
    const { core, older } = library();
    const result = await dispatch(core, 'compare:documents', { a: older, b: 'd-missing' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it.each([
    ['compare:documents', {}],
    ['compare:documents', { a: 'x' }],
    ['compare:documents', { a: 'x', b: 42 }],
    ['compare:documents', { a: 'x', b: 'y', path: '/etc/passwd' }],
    ['compare:documents', { a: 'x'.repeat(10_000), b: 'y' }],
    ['compare:default-pair', { docId: '' }],
    ['compare:default-pair', { docId: 'x', extra: 1 }],
    ['compare:default-pair', 'd123'],
  ])('refuses a malformed request on %s (%j)', async (channel, payload) => {
    const { core } = library();
    const result = await dispatch(core, channel, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});
