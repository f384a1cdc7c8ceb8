import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentBundle } from '../../../shared/domain/library';
import { storedSeed } from './seed-fixture';

let seed: DocumentBundle;
beforeAll(() => {
  seed = storedSeed();
});

describe('the bundled 2021 湖里区 report: metadata and outline', () => {
  it('reads the title block and the site metadata', () => {
    expect(seed.document).toMatchObject({
      title: '2021年湖里区人民政府工作报告',
      issuer: '厦门市湖里区人民政府',
      date: '2021-01-11',
      year: 2021,
      level: 'district',
      indexNumber: 'XM02100-0301-2021-00001',
      speaker: '林重阳',
      meeting: '2020年12月29日在湖里区第八届人民代表大会第五次会议上',
    });
  });

  it('has three parts with their exact titles', () => {
    const parts = seed.sections.filter((s) => s.level === 1);
    expect(parts.map((s) => [s.label, s.title, s.parentId])).toEqual([
      ['一', '2020年和“十三五”工作回顾', null],
      ['二', '“十四五”总体规划和二〇三五年远景目标', null],
      ['三', '2021年工作建议', null],
    ]);
  });

  it('has 21 sections, each under its part, with exact titles', () => {
    const parts = seed.sections.filter((s) => s.level === 1);
    const under = (i: number) =>
      seed.sections
        .filter((s) => s.level === 2 && s.parentId === parts[i]!.id)
        .map((s) => `${s.label} ${s.title}`);
    expect(seed.sections.filter((s) => s.level === 2)).toHaveLength(21);
    expect(under(0)).toEqual([
      '一 疫情防控工作取得显著成效',
      '二 六稳六保工作得到高效落实',
      '三 岛内大提升实现质效齐升',
      '四 三大攻坚战夺取丰硕成果',
      '五 安全稳定形势持续向好',
      '六 政府自身建设全面加强',
    ]);
    expect(under(1)).toEqual([
      '一 进一步优化空间布局',
      '二 进一步促进产业升级',
      '三 进一步推动创新创业',
      '四 进一步优化城区品质',
      '五 进一步扩大对外开放',
      '六 进一步打造绿色家园',
      '七 进一步增进民生福祉',
      '八 进一步创建平安湖里',
    ]);
    expect(under(2)).toEqual([
      '一 坚持慎终如始,以更严标准抓好疫情防控',
      '二 深化创新驱动,以更高质量促进产业升级',
      '三 强化项目支撑,以更强动力推动经济发展',
      '四 下足绣花功夫,以更细服务做实城区管理',
      '五 坚持以人为本,以更好品质提升民生保障',
      '六 突出主动创稳,以更大力度维护社会和谐稳定',
      '七 加快职能转变,以更高水平建设服务型政府',
    ]);
  });

  it('keeps every paragraph of the body, in order, under the right heading', () => {
    expect(seed.passages).toHaveLength(71);
    expect(seed.passages.every((p) => p.kind === 'body')).toBe(true);
    expect(seed.passages.map((p) => p.ordinal)).toEqual(seed.passages.map((_, i) => i + 1));
    const [salutation, opening] = seed.passages;
    expect(salutation).toMatchObject({ text: '各位代表:', sectionId: null, lead: null });
    expect(opening!.text).toMatch(/^现在,我代表湖里区人民政府向大会报告工作/);
    const title = (id: string | null) => seed.sections.find((s) => s.id === id)?.title;
    const at = (start: string) => seed.passages.find((p) => p.text.startsWith(start))!;
    expect(title(at('硬核举措“防扩散”').sectionId)).toBe('疫情防控工作取得显著成效');
    expect(title(at('全年预计实现地区生产总值').sectionId)).toBe('2020年和“十三五”工作回顾');
    expect(title(at('同时,妇女儿童').sectionId)).toBe('安全稳定形势持续向好');
    // An address to the deputies turns from a section back to its part.
    expect(title(at('各位代表!2020年').sectionId)).toBe('2020年和“十三五”工作回顾');
    expect(title(at('过去五年,我们坚持创新驱动').sectionId)).toBe('2020年和“十三五”工作回顾');
    expect(title(at('各位代表!站在新的历史交汇点').sectionId)).toBe('2021年工作建议');
    expect(seed.passages.at(-1)!.text).toMatch(/^各位代表!站在新的历史交汇点/);
  });

  it('keeps the title block, the toolbar, the glossary and the page junk out of the passages', () => {
    const texts = seed.passages.map((p) => p.text);
    for (const junk of [
      '附件下载',
      '扫一扫在手机上查看当前页面',
      '相关解读',
      '文字解读',
      '图片解读',
      '视频解读',
      '访谈解读',
      '媒体报道',
      '时间:',
      '索 引 号',
      '发布机构',
      '公文生成日期',
      '政 府 工 作 报 告',
      '人民代表大会第五次会议上',
      '林重阳',
      '名 词 解 释',
    ]) {
      expect(
        texts.filter((t) => t.includes(junk)),
        junk,
      ).toEqual([]);
    }
    for (const g of seed.glossary)
      expect(
        texts.some((t) => t.includes(g.definition)),
        g.term,
      ).toBe(false);
  });
});
