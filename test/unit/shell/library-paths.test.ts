import { describe, expect, it } from 'vitest';
import { defaultUserDataDir, libraryPaths } from '../../../electron/main/core/library-paths';

describe('library paths', () => {
  it('puts the library in userData unless YANDU_DB says otherwise', () => {
    expect(libraryPaths({ userData: '/home/u/.config/yandu', resources: '/app/resources', env: {} })).toEqual(
      {
        database: '/home/u/.config/yandu/library.db',
        bundledDocuments: '/app/resources/documents',
      },
    );
    expect(
      libraryPaths({ userData: '/x', resources: '/r', env: { YANDU_DB: '/data/lib.db' } }).database,
    ).toBe('/data/lib.db');
  });

  it.each([
    ['linux', { HOME: '/home/li' }, '/home/li/.config/yandu'],
    ['linux', { HOME: '/home/li', XDG_CONFIG_HOME: '/cfg' }, '/cfg/yandu'],
    ['darwin', { HOME: '/Users/li' }, '/Users/li/Library/Application Support/yandu'],
    ['win32', { APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'C:\\Users\\li\\AppData\\Roaming\\yandu'],
  ] as const)('matches Electron userData on %s', (platform, env, expected) => {
    expect(defaultUserDataDir(platform, env)).toBe(expected);
  });
});
