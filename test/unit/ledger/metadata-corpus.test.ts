import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../../electron/main/ingest/parsed-document';
import { npcSessionYear, planMeta, planYear, regionOf } from '../../../electron/main/ingest/parse/plan-meta';
import { readDocument } from '../../../electron/main/ingest/read-document';
import { CORPUS_DIR, describeCorpus } from '../../helpers/corpus';

/**
 * Issuer, level, region and the year each report plans for, written down by reading each file:
 * the 湖里区 report delivered on 2020-12-29 is for 2021; the State Council's reports are 国务院's.
 */
const EXPECTED: [
  file: string,
  issuer: string,
  level: string,
  region: string | null,
  year: number,
  title?: string,
  date?: string | null,
][] = [
  ['huli-2021.txt', '厦门市湖里区人民政府', 'district', '厦门市湖里区', 2021],
  ['hainan-2026.txt', '海南省人民政府', 'province', '海南省', 2026],
  ['guangdong-2026.txt', '广东省人民政府', 'province', '广东省', 2026],
  ['jiangxi-2026.txt', '江西省人民政府', 'province', '江西省', 2026],
  ['sichuan-2026.txt', '四川省人民政府', 'province', '四川省', 2026],
  ['fujian-2026.txt', '福建省人民政府', 'province', '福建省', 2026],
  ['guizhou-2026.txt', '贵州省人民政府', 'province', '贵州省', 2026],
  ['qinghai-2026.txt', '青海省人民政府', 'province', '青海省', 2026],
  ['hulunbuir-hailar-2012.txt', '海拉尔区人民政府', 'district', '海拉尔区', 2012],
  ['hulunbuir-hailar-2019.txt', '呼伦贝尔市海拉尔区人民政府', 'district', '呼伦贝尔市海拉尔区', 2019],
  ['national-1954.txt', '中央人民政府', 'national', null, 1954, '1954年政府工作报告'],
  ['national-1956.txt', '国务院', 'national', null, 1956],
  ['national-1986.txt', '国务院', 'national', null, 1986],
  ['national-1998.txt', '国务院', 'national', null, 1998],
  // The 3月5日 caption of the gov.cn page is a photo block, dropped with the photo: no date.
  ['national-2017-govcn.html', '国务院', 'national', null, 2017, '2017年政府工作报告', null],
  ['national-2020.txt', '国务院', 'national', null, 2020, '2020年政府工作报告', '2020-05-22'],
  ['national-2021.txt', '国务院', 'national', null, 2021, '2021年政府工作报告', '2021-03-05'],
  ['national-2022.txt', '国务院', 'national', null, 2022, '2022年政府工作报告'],
  ['national-2024.txt', '国务院', 'national', null, 2024, '2024年政府工作报告', '2024-03-05'],
  ['national-2025.txt', '国务院', 'national', null, 2025, '2025年政府工作报告'],
  ['gov-notice-guobanfa-2018-123.html', '国务院办公厅', 'national', null, 2018],
  ['cpc-20th-congress-2022.txt', '第十九届中央委员会', 'national', null, 2022],
];

describeCorpus('document metadata read from the corpus', () => {
  const docs = new Map<string, ParsedDocument>();
  beforeAll(async () => {
    for (const [file] of EXPECTED) docs.set(file, (await readDocument(path.join(CORPUS_DIR, file))).doc);
  }, 120_000);

  it.each(EXPECTED)('%s: %s, %s, %s, %i', (file, issuer, level, region, year, title, date) => {
    const { meta } = docs.get(file)!;
    expect({ issuer: meta.issuer, level: meta.level, region: meta.region ?? null, year: meta.year }).toEqual({
      issuer,
      level,
      region,
      year,
    });
    if (title) expect(meta.title).toBe(title);
    if (date !== undefined) expect(meta.date).toBe(date);
  });
});

it('dates an NPC session from its congress and number, in any numerals', () => {
  expect(npcSessionYear('十三届全国人大三次会议在人民大会堂开幕')).toBe(2020);
  expect(npcSessionYear('第十二届全国人民代表大会第五次会议')).toBe(2017);
  expect(npcSessionYear('第一届全国人民代表大会第一次會議')).toBe(1954);
  expect(npcSessionYear('第十四届全国人民代表大会第三次会议')).toBe(2025);
  expect(npcSessionYear('湖里区第八届人民代表大会第五次会议')).toBeNull();
});

it('takes the plan year from the title before the delivery date', () => {
  expect(planYear('2021年湖里区人民政府工作报告', null, '2020-12-29')).toBe(2021);
  expect(planYear('关于1955年国家决算和1956年国家预算的报告', null, null)).toBe(1956);
  expect(planYear('关于第七个五年计划的报告', null, null)).toBe(1986);
  expect(planYear('政府工作报告', 2019, '2019-03-05')).toBe(2019);
  expect(planYear('某某意见', null, '2018-12-07')).toBe(2018);
  expect(planYear('某某意见', null, null)).toBeNull();
});

it('gives a region only to local issuers', () => {
  expect(regionOf('厦门市湖里区人民政府', 'district')).toBe('厦门市湖里区');
  expect(regionOf('内蒙古自治区人民政府', 'province')).toBe('内蒙古自治区');
  expect(regionOf('国务院', 'national')).toBeNull();
  expect(regionOf('某某委员会', 'city')).toBeNull();
});

describe('metadata of variants the corpus does not hold', () => {
  const base = {
    title: '政府工作报告',
    issuer: null,
    date: null,
    level: 'unknown' as const,
    indexNumber: null,
    speaker: null,
    speakerOffice: null,
    meeting: null,
  };
  it('names a city government from 我代表市人民政府 and the congress it reports to', () => {
    const meta = planMeta(
      {
        ...base,
        title: '2023年政府工作报告',
        level: 'city',
        meeting: '2023年1月10日在宁波市第十六届人民代表大会第三次会议上',
      },
      '各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。',
    );
    expect(meta).toMatchObject({ issuer: '宁波市人民政府', region: '宁波市', year: 2023 });
  });
  it('names a county government from its head’s office when the opening does not say', () => {
    const meta = planMeta(
      {
        ...base,
        level: 'district',
        speakerOffice: '县长',
        meeting: '2024年1月5日在长兴县第十八届人民代表大会第四次会议上',
      },
      '各位代表：\n过去一年，全县上下……',
    );
    expect(meta).toMatchObject({ issuer: '长兴县人民政府', region: '长兴县', year: 2024 });
  });
  it('dates a State Council report from a news lead and its session', () => {
    const meta = planMeta(
      { ...base, title: '2019年政府工作报告', level: 'national' },
      '3月5日上午，十三届全国人大二次会议在人民大会堂开幕，听取国务院总理李克强关于政府工作的报告。',
    );
    expect(meta).toMatchObject({ issuer: '国务院', date: '2019-03-05', year: 2019, region: null });
  });
  it('keeps what the title block read', () => {
    const meta = planMeta(
      {
        ...base,
        title: '2021年湖里区人民政府工作报告',
        issuer: '厦门市湖里区人民政府',
        level: 'district',
        date: '2021-01-11',
      },
      '现在，我代表区人民政府向大会报告工作',
    );
    expect(meta).toMatchObject({ issuer: '厦门市湖里区人民政府', date: '2021-01-11', year: 2021 });
  });
});
