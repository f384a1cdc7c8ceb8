import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// electron-builder's own schema check, run offline: packaging itself needs the Electron download.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';

const root = path.resolve(__dirname, '../../..');

describe('electron-builder.yml', () => {
  it('passes electron-builder validation', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.appId).toBe('cn.yandu.app');
  });

  it('rejects a misspelt option (the check is real)', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    const broken = { ...config, asarUnpak: ['**/*.node'] } as typeof config;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/asarUnpak/);
  });

  it('ships the bundled report and the built app', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    expect(config.extraResources).toContainEqual({ from: 'resources/documents', to: 'documents' });
    expect(fs.existsSync(path.join(root, 'resources/documents/huli-2021.txt'))).toBe(true);
    expect(JSON.stringify(config.files)).toContain('out/**');
  });

  it('ships the `yandu` command launchers and puts the deb one on PATH', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    expect(config.extraResources).toContainEqual({ from: 'resources/cli', to: 'bin' });
    for (const name of ['yandu', 'yandu.cmd'])
      expect(fs.existsSync(path.join(root, 'resources/cli', name))).toBe(true);
    const afterInstall = fs.readFileSync(path.join(root, String(config.deb?.afterInstall)), 'utf8');
    expect(afterInstall).toContain(
      "ln -sf '/opt/${sanitizedProductName}/resources/bin/${executable}' '/usr/bin/${executable}'",
    );
  });
});
