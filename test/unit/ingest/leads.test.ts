import { describe, expect, it } from 'vitest';
import { leadOf } from '../../../electron/main/ingest/parse/leads';

describe('run-in lead phrases', () => {
  it('sets off a short phrase closed by 。 at the head of a paragraph in a section', () => {
    expect(leadOf('硬核举措“防扩散”。第一时间启动突发公共卫生事件一级响应。', true)).toBe('硬核举措“防扩散”');
    expect(leadOf('扶持创新创业。鼓励企业加大研发投入,支持企业设立研发机构。', true)).toBe('扶持创新创业');
  });

  it('leaves ordinary first sentences alone', () => {
    for (const text of [
      '现在,我代表湖里区人民政府向大会报告工作,请予审议。',
      '2020年全面完成目标任务。各项工作扎实推进。',
      '我们顺利完成全年任务。各项工作扎实推进。',
      '主要经济指标完成情况良好而且大大超出了全年预期的目标。后面还有内容。',
      '各位代表!过去的五年,成绩有目共睹。',
    ])
      expect(leadOf(text, true), text).toBeNull();
  });

  it('needs a section and text after the phrase', () => {
    expect(leadOf('硬核举措“防扩散”。第一时间启动响应。', false)).toBeNull();
    expect(leadOf('加强政治建设。', true)).toBeNull();
  });
});
