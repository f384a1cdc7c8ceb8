import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import {
  APP_ENTRY,
  APP_SCHEME_PRIVILEGES,
  rendererEntry,
  resolveAppAsset,
} from '../../../electron/main/app-protocol';
import { isTrustedRendererUrl } from '../../../electron/main/ipc/trusted-sender';

const root = path.resolve(__dirname, '../../..');
const source = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

describe('the packaged shell, after the Electron security checklist', () => {
  it('sets every fuse in electron-builder.yml, and explains the one left on', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    expect(config.electronFuses).toMatchObject({
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
    if (config.electronFuses?.runAsNode !== false) {
      // Kept on only with its reason written where the fuses are set, and in the README.
      expect(source('electron-builder.yml')).toMatch(/runAsNode stays ON[\s\S]*ELECTRON_RUN_AS_NODE/);
      expect(source('README.md')).toMatch(/RunAsNode[\s\S]{0,400}ELECTRON_RUN_AS_NODE/);
    }
  });

  it('registers app:// as privileged before ready and serves the renderer from it, not file://', () => {
    const index = source('electron/main/index.ts');
    const window = source('electron/main/window.ts');
    expect(index.indexOf('registerSchemesAsPrivileged')).toBeGreaterThan(-1);
    expect(index.indexOf('registerSchemesAsPrivileged')).toBeLessThan(index.indexOf('whenReady'));
    expect(window).toMatch(/protocol\.handle\(APP_SCHEME/);
    expect(window).not.toMatch(/file:\/\//);
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
    expect(APP_ENTRY).toBe('app://yandu/index.html');
  });

  it('checks permissions as well as refusing requests for them', () => {
    const window = source('electron/main/window.ts');
    expect(window).toMatch(/setPermissionRequestHandler\([^)]*\) => callback\(false\)\)/);
    expect(window).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
  });

  it('honours the dev server only when not packaged', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
    expect(rendererEntry(false, env)).toBe('http://localhost:5173');
    expect(rendererEntry(true, env)).toBe(APP_ENTRY);
    expect(rendererEntry(false, {})).toBe(APP_ENTRY);
    expect(source('electron/main/window.ts')).toMatch(/rendererEntry\(app\.isPackaged/);
  });

  it('serves only files under the renderer folder, of types the renderer loads', () => {
    const rendererRoot = '/opt/yandu/out/renderer';
    expect(resolveAppAsset('app://yandu/index.html', rendererRoot)).toEqual({
      file: path.resolve(rendererRoot, 'index.html'),
      mime: 'text/html; charset=utf-8',
    });
    expect(resolveAppAsset('app://yandu/', rendererRoot)?.file).toBe(
      path.resolve(rendererRoot, 'index.html'),
    );
    expect(resolveAppAsset('app://yandu/assets/index-abc.js?v=1', rendererRoot)?.mime).toMatch(/javascript/);
    for (const bad of [
      'app://yandu/../../etc/passwd',
      'app://yandu/%2e%2e/%2e%2e/etc/passwd',
      'app://yandu/..%2f..%2fetc%2fpasswd.js',
      'app://other/index.html',
      'file:///opt/yandu/out/renderer/index.html',
      'app://yandu/%00.js',
      'app://yandu/%E0%A4%A',
      'app://yandu/library.db',
      'not a url',
    ])
      expect(resolveAppAsset(bad, rendererRoot), bad).toBeNull();
  });

  it('trusts frames of the app:// origin only', () => {
    expect(isTrustedRendererUrl('app://yandu/index.html#/reader', APP_ENTRY)).toBe(true);
    expect(isTrustedRendererUrl('app://evil/index.html', APP_ENTRY)).toBe(false);
    expect(isTrustedRendererUrl('file:///opt/yandu/out/renderer/index.html', APP_ENTRY)).toBe(false);
    expect(isTrustedRendererUrl('https://yandu/index.html', APP_ENTRY)).toBe(false);
  });
});
