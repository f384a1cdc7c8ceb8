import type { DocumentLevel } from '../../../../shared/domain/library';

/** The administrative level a document speaks for, from its issuer, title or meeting line. */
export function levelOf(text: string): DocumentLevel {
  if (/国务院|全国人民代表大会|全国人大|中共中央|全国代表大会|中央人民政府/.test(text)) return 'national';
  const region =
    /([\u4e00-\u9fa5]{1,8}?)(自治区|特别行政区|省|市|区|县|旗)(?:人民政府|政府|第|代?[省市区县旗]长|人民代表大会)/g;
  let last: string | null = null;
  for (let m = region.exec(text); m; m = region.exec(text)) last = m[2]!;
  if (last === '省' || last === '自治区') return 'province';
  if (last === '市') return 'city';
  if (last === '区' || last === '县' || last === '旗') return 'district';
  return 'unknown';
}
