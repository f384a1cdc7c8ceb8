import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  importCycles,
  importGraph,
  layerOf,
  privateImports,
  upwardImports,
} from '../../../scripts/main-layers';

const MAIN = path.resolve(__dirname, '../../../electron/main');

describe('the layers of electron/main (kernel ← store ← domains ← root ← shell)', () => {
  const edges = importGraph(MAIN);

  it('reads the real import graph, type imports included', () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges).toContainEqual({ from: 'core/app-core.ts', to: 'kernel/events.ts' });
    // A type-only import is an arrow too.
    expect(edges).toContainEqual({ from: 'kernel/context.ts', to: 'kernel/db.ts' });
  });

  it('has no import running upward', () => {
    expect(upwardImports(edges)).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(importCycles(edges)).toEqual([]);
  });

  it('reaches into a domain only through its API file (<folder>/domain.ts)', () => {
    expect(privateImports(edges)).toEqual([]);
    // The root does use the domains, through their API files.
    expect(edges).toContainEqual({ from: 'core/app-core.ts', to: 'search/domain.ts' });
  });

  it('places every folder in a layer', () => {
    expect(layerOf('kernel/events.ts')).toBe('kernel');
    expect(layerOf('store/database.ts')).toBe('store');
    expect(layerOf('annotations/share/merge.ts')).toBe('domain');
    expect(layerOf('annotations/domain.ts')).toBe('domain');
    expect(layerOf('core/app-core.ts')).toBe('root');
    expect(layerOf('ipc/dispatch.ts')).toBe('shell');
    expect(layerOf('index.ts')).toBe('shell');
  });

  it('would see an upward import, a cycle and a private import (the checks can fail)', () => {
    const planted = [
      { from: 'store/database.ts', to: 'core/app-core.ts' },
      { from: 'backups/backup-service.ts', to: 'backups/domain.ts' },
      { from: 'backups/domain.ts', to: 'backups/backup-service.ts' },
      { from: 'kernel/log.ts', to: 'kernel/events.ts' },
    ];
    expect(upwardImports(planted)).toEqual([planted[0]]);
    const reaching = [
      { from: 'core/app-core.ts', to: 'search/search-service.ts' },
      { from: 'links/service.ts', to: 'annotations/anchoring/align.ts' },
      { from: 'index.ts', to: 'team/auto-sync.ts' },
      { from: 'links/service.ts', to: 'annotations/domain.ts' },
      { from: 'annotations/share/export.ts', to: 'annotations/repository.ts' },
      { from: 'core/app-core.ts', to: 'store/settings.ts' },
    ];
    expect(privateImports(reaching)).toEqual(reaching.slice(0, 3));
    expect(importCycles(planted)).toEqual([['backups/backup-service.ts', 'backups/domain.ts']]);
  });
});

describe("the README's folder map", () => {
  it('names every folder of electron/', () => {
    const readme = fs.readFileSync(path.resolve(MAIN, '../../README.md'), 'utf8');
    const folders = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .flatMap((e) => [path.join(dir, e.name), ...folders(path.join(dir, e.name))]);
    const root = path.resolve(MAIN, '../..');
    const unnamed = folders(path.resolve(MAIN, '..'))
      .map((f) => `${path.relative(root, f)}/`)
      .filter((f) => !readme.includes(`\`${f}\``));
    expect(unnamed).toEqual([]);
  });
});
