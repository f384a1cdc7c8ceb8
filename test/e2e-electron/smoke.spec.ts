import { _electron as electron, expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findElectronBinary, prepareNativeModule } from './electron-binary';

const root = path.resolve(__dirname, '../..');

test('the packaged shell starts, opens the bundled report and keeps Node out of the page', async () => {
  const binary = findElectronBinary();
  test.skip('missing' in binary, `Electron smoke test skipped: ${'missing' in binary ? binary.missing : ''}`);
  const nativeProblem = prepareNativeModule();
  test.skip(nativeProblem !== null, `Electron smoke test skipped: ${nativeProblem}`);
  test.skip(
    !fs.existsSync(path.join(root, 'out/main/index.js')),
    'Electron smoke test skipped: run `npm run build` first',
  );

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-electron-'));
  const app = await electron.launch({
    executablePath: (binary as { path: string }).path,
    args: [root, ...(process.env['CI'] ? ['--no-sandbox'] : [])],
    env: { ...process.env, YANDU_DB: path.join(dataDir, 'library.db') },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByText('2021年湖里区人民政府工作报告').first()).toBeVisible({ timeout: 30_000 });
    const exposed = await window.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      api: Object.keys((globalThis as { api?: object }).api ?? {}).sort(),
    }));
    expect(exposed).toEqual({
      require: 'undefined',
      process: 'undefined',
      api: ['invoke', 'on', 'pathForFile'],
    });
    const unknown = await window.evaluate(() =>
      (globalThis as unknown as { api: { invoke(c: string, p: unknown): Promise<unknown> } }).api.invoke(
        'fs:read',
        {},
      ),
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    await window.screenshot({ path: path.join(root, 'test-results/screenshots/electron-smoke.png') });
  } finally {
    await app.close();
  }
});
