import type { ParsedSection } from '../parsed-document';
import { levelOf } from './level';
import type { DocumentMetaFields } from './title-block';

const ON_BEHALF = /我代表(.{2,24}?)(?:[，,]|向|作|提出)/;
const ABOUT = /(关于.{4,48}?的报告)/;

/**
 * Fills what the title block left open from the opening of the body and the outline: the issuer
 * from `我代表国务院…`, a title from `…作关于…的报告` or from the year the first part reviews
 * (`一、2019年和今年以来工作回顾` → `2020年政府工作报告`), the level from either.
 */
export function completeMeta(
  meta: DocumentMetaFields,
  opening: string[],
  sections: ParsedSection[],
  titleFound: boolean,
): DocumentMetaFields {
  const head = opening.join('');
  const onBehalf = ON_BEHALF.exec(head)?.[1];
  const issuer = meta.issuer ?? (onBehalf && !/^[省市区县]/.test(onBehalf) ? onBehalf : null);
  let title = meta.title;
  if (!titleFound) {
    const about = ABOUT.exec(head)?.[1];
    const parts = sections.filter((s) => s.level === 1).map((s) => s.title);
    const reviewed = parts.map((t) => /^(\d{4})年.*(工作)?回顾/.exec(t)?.[1]).find(Boolean);
    const proposed = parts
      .map((t) => /(\d{4})年(政府)?工作的?(建议|任务|安排)/.exec(t.replace(/\s/g, ''))?.[1])
      .find(Boolean);
    if (reviewed) title = `${Number(reviewed) + 1}年政府工作报告`;
    else if (proposed) title = `${proposed}年政府工作报告`;
    else if (about) title = about;
  }
  const firstSentence = /^[^。！？]*/.exec(opening[0] ?? '')?.[0] ?? '';
  const level =
    meta.level !== 'unknown'
      ? meta.level
      : levelOf([issuer, title, onBehalf, firstSentence].filter(Boolean).join(' '));
  return { ...meta, title, issuer, level };
}
