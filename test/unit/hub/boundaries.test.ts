import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const HUB = path.join(ROOT, 'electron/hub');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** The hub runs on a server without the desktop: only Node, pg, zod (via shared/) and shared/. */
describe('the hub', () => {
  it('imports only shared/, pg and Node', () => {
    const violations: string[] = [];
    let seen = 0;
    for (const file of sources(HUB)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
        const spec = m[1]!;
        seen += 1;
        const target = path.resolve(path.dirname(file), spec);
        const allowed = spec.startsWith('.')
          ? [HUB, path.join(ROOT, 'shared')].some((dir) => target.startsWith(dir + path.sep))
          : spec === 'pg' || spec === 'zod' || spec.startsWith('node:');
        if (!allowed) violations.push(`${path.relative(ROOT, file)}: ${spec}`);
      }
    }
    expect(seen).toBeGreaterThan(10);
    expect(violations).toEqual([]);
  });
});
