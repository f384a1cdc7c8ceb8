import { describe, expect, it } from 'vitest';
import { invitationCode } from '../../../electron/hub/admin';

describe('invitation codes', () => {
  it('are 26 base32 characters, never starting with a dash the command line would read as an option', () => {
    const codes = Array.from({ length: 2000 }, () => invitationCode());
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{26}$/);
    // 128 random bits each: 2,000 codes are all different, and every base32 letter turns up.
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(codes.join('')).size).toBe(32);
  });
});
