import type { SearchUnit } from '../kernel/search-source';

/** FNV-1a over the live units: a changed note or a new annotation gives a new fingerprint. */
export function fingerprint(units: SearchUnit[]): string {
  let h = 0x811c9dc5;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193);
  };
  for (const u of units) {
    mix(u.recordId);
    mix(u.field);
    mix(u.passageId ?? '');
    mix(u.text);
  }
  return `${units.length}:${(h >>> 0).toString(36)}`;
}
