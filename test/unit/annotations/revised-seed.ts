import { seedText } from './seed-library';

/** Replaces `from` by `to` in the seed text, insisting that `from` occurs exactly once. */
function edit(text: string, from: string, to: string): string {
  const parts = text.split(from);
  if (parts.length !== 2) throw new Error(`"${from}" occurs ${parts.length - 1} times`);
  return parts.join(to);
}

/** A corrected edition of the bundled report, as an editor would revise it. */
export function revisedSeed(): string {
  let t = seedText();
  // Text inserted before an annotated span (same paragraph).
  t = edit(t, '一级响应,在530个小区', '一级响应,迅速组织全区力量,在530个小区');
  // Text inserted after an annotated span (same paragraph).
  t = edit(t, '是外防输入的最前沿。', '是外防输入的最前沿,任务艰巨。');
  // Text inserted inside an annotated span.
  t = edit(t, '浪潮、宸鸿等龙头企业', '浪潮、宸鸿、天马等龙头企业');
  // A whole paragraph deleted.
  const line = t.split('\n').find((l) => l.includes('对口帮扶精准有效'))!;
  t = edit(t, `${line}\n`, '');
  // A short term changed (the same term stands, in a similar sentence, in another paragraph).
  t = edit(t, '结果导向,扎实做好“六稳”工作', '结果导向,扎实做好“六新”工作');
  // A four-character term changed into another term.
  t = edit(t, '狠抓重点区域扬尘治理管控', '狠抓重点区域扬尘防治管控');
  return t;
}
