import { app, BrowserWindow, dialog, protocol, safeStorage } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { createCore, seedBundledDocuments, type Core, type CoreOptions } from './core/app-core';
import { libraryPaths } from './core/library-paths';
import { desktopPlatform } from './desktop-platform';
import { registerIpc } from './ipc/register';
import { APP_SCHEME_PRIVILEGES } from './app-protocol';
import { startRollingBackups } from './backups/domain';
import { openLibraryOrRecover } from './library-recovery';
import { createMainWindow, rendererUrl, serveRenderer } from './window';
import { defaultTokenFile, encryptedSecretStore, startTeamAutoSync } from './team/domain';

let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;

/** In a checkout, `npm start` keeps an Electron build of better-sqlite3 apart from the Node build tests use. */
function electronNativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const candidate = path.join(app.getAppPath(), '.cache/electron-native/better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}

async function start(): Promise<void> {
  const paths = libraryPaths({
    userData: app.getPath('userData'),
    resources: app.isPackaged ? process.resourcesPath : path.join(app.getAppPath(), 'resources'),
    env: process.env,
  });
  const options: CoreOptions = {
    databasePath: paths.database,
    nativeBinding: electronNativeBinding(),
    locale: app.getLocale().startsWith('zh') ? 'zh-CN' : 'en',
    version: app.getVersion(),
    platform: desktopPlatform(() => mainWindow),
    // The hub token, encrypted by the OS keychain (the CLI's plain 0600 file is a separate one).
    teamSecrets: encryptedSecretStore(`${defaultTokenFile(paths.database)}.enc`, safeStorage),
  };
  core = await openLibraryOrRecover(() => createCore(options), options.databasePath, options.nativeBinding, {
    ask: async (message, buttons) =>
      (
        await dialog.showMessageBox({
          type: 'error',
          title: '研读 Yandu',
          message: '资料库无法打开 / The library cannot be opened',
          detail: message,
          buttons,
          defaultId: 0,
          cancelId: buttons.length - 1,
        })
      ).response,
  });
  await seedBundledDocuments(core.ctx, paths.bundledDocuments);
  startRollingBackups(core.ctx);
  startTeamAutoSync(() => core!.team);
  serveRenderer();
  registerIpc(core, () => mainWindow?.webContents, rendererUrl());
  mainWindow = createMainWindow();
  mainWindow.on('closed', () => (mainWindow = undefined));
}

// Before ready: app:// must be a standard, secure scheme for the CSP's 'self' and fetch to hold.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();
app.on('second-instance', () => mainWindow?.focus());
app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => core?.close());
app
  .whenReady()
  .then(start)
  .catch((error: unknown) => {
    dialog.showErrorBox(
      '研读 Yandu 无法启动 / cannot start',
      error instanceof Error ? error.message : String(error),
    );
    app.exit(1);
  });
