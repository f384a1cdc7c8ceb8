import { describe, expect, it } from 'vitest';
import {
  applyProgress,
  applyResult,
  baseName,
  newBatch,
  pathsFromUriList,
  tally,
} from '../../../renderer/src/features/import/model/batch';

describe('the import strip model', () => {
  const files = ['/data/a.txt', 'C:\\docs\\b.docx', '/data/c.pdf'];

  it('moves a file through its phases only for events of its own batch', () => {
    let b = newBatch('ui1', files);
    expect(b.files.map((f) => [f.name, f.status])).toEqual([
      ['a.txt', 'waiting'],
      ['b.docx', 'waiting'],
      ['c.pdf', 'waiting'],
    ]);
    b = applyProgress(b, { batchId: 'ui1', file: files[0]!, index: 0, total: 3, phase: 'reading' });
    b = applyProgress(b, { batchId: 'other', file: files[1]!, index: 1, total: 3, phase: 'failed' });
    b = applyProgress(b, {
      batchId: 'ui1',
      file: files[1]!,
      index: 1,
      total: 3,
      phase: 'failed',
      message: '坏了',
    });
    expect(b.files.map((f) => f.status)).toEqual(['reading', 'failed', 'waiting']);
    expect(b.files[1]!.message).toBe('坏了');
    expect(tally(b)).toEqual({ done: 1, imported: 0, skipped: 0, failed: 1, cancelled: 0, total: 3 });
  });

  it('settles every file from the reply', () => {
    const b = applyResult(newBatch('ui1', files), {
      batchId: 'ui1',
      imported: [
        { id: 'd1', file: files[0]!, title: 'A', passages: 12, glossary: 0, footnotes: 0, measures: 0 },
      ],
      skipped: [{ file: files[1]!, reason: '内容相同', existingId: 'd0' }],
      failed: [{ file: files[2]!, error: 'c.pdf 是没有文字层的 PDF', code: 'pdf_no_text' }],
    });
    expect(b.running).toBe(false);
    expect(b.files.map((f) => [f.status, f.documentId, f.passages, f.message])).toEqual([
      ['done', 'd1', 12, null],
      ['skipped', 'd0', null, '内容相同'],
      ['failed', null, null, 'c.pdf 是没有文字层的 PDF'],
    ]);
    expect(tally(b)).toEqual({ done: 3, imported: 1, skipped: 1, failed: 1, cancelled: 0, total: 3 });
  });

  it('marks a revised edition that replaced a document, and only that', () => {
    const b = applyResult(newBatch('ui3', files.slice(0, 2)), {
      batchId: 'ui3',
      imported: [
        {
          id: 'd1',
          file: files[0]!,
          title: 'A',
          passages: 12,
          glossary: 0,
          footnotes: 0,
          measures: 0,
          replaced: true,
        },
        { id: 'd2', file: files[1]!, title: 'B', passages: 3, glossary: 0, footnotes: 0, measures: 0 },
      ],
      skipped: [],
      failed: [],
    });
    expect(b.files.map((f) => [f.status, f.documentId, f.replaced])).toEqual([
      ['done', 'd1', true],
      ['done', 'd2', false],
    ]);
  });

  it('tells files a cancel left apart from duplicates, by the code of the reply', () => {
    let b = { ...newBatch('ui2', files), cancelling: true };
    b = applyProgress(b, { batchId: 'ui2', file: files[2]!, index: 2, total: 3, phase: 'cancelled' });
    expect(b.files.map((f) => f.status)).toEqual(['waiting', 'waiting', 'cancelled']);
    b = applyResult(b, {
      batchId: 'ui2',
      cancelled: true,
      imported: [],
      skipped: [
        { file: files[0]!, reason: '内容相同', existingId: 'd0' },
        { file: files[1]!, reason: '已取消：b.docx 未导入。', code: 'import_cancelled' },
        { file: files[2]!, reason: '已取消：c.pdf 未导入。', code: 'import_cancelled' },
      ],
      failed: [],
    });
    expect(b).toMatchObject({ running: false, cancelling: false });
    expect(b.files.map((f) => f.status)).toEqual(['skipped', 'cancelled', 'cancelled']);
    expect(tally(b)).toEqual({ done: 3, imported: 0, skipped: 1, failed: 0, cancelled: 2, total: 3 });
  });

  it('reads file paths from a dropped uri-list, Unix and Windows', () => {
    expect(
      pathsFromUriList(
        '# comment\r\nfile:///home/u/%E6%8A%A5%E5%91%8A.txt\r\nhttps://example.org/x\nfile:///C:/Docs/a%20b.pdf\n',
      ),
    ).toEqual(['/home/u/报告.txt', 'C:/Docs/a b.pdf']);
    expect(baseName('/a/b/c.txt')).toBe('c.txt');
    expect(baseName('C:\\x\\y.docx')).toBe('y.docx');
  });
});
