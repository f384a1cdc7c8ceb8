import { app, BrowserWindow, dialog, shell } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCore, seedBundledDocuments, type Core } from './core/app-core';
import { libraryPaths } from './core/library-paths';
import { safeFileName } from './ipc/handlers/print';
import { registerIpc } from './ipc/register';
import { createMainWindow, rendererUrl } from './window';

let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;

/** In a checkout, `npm start` keeps an Electron build of better-sqlite3 apart from the Node build tests use. */
function electronNativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const candidate = path.join(app.getAppPath(), '.cache/electron-native/better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}

/**
 * Prints our PDF through the system print dialog from a hidden window showing it; where the PDF
 * viewer cannot print (no plugin), the system's PDF viewer opens it instead so the user can print there.
 */
async function printPdfFile(pdf: Buffer, title: string): Promise<boolean> {
  const file = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-print-')),
    `${safeFileName(title)}.pdf`,
  );
  fs.writeFileSync(file, pdf);
  const win = new BrowserWindow({ show: false, webPreferences: { plugins: true, sandbox: true } });
  try {
    await win.loadURL(pathToFileURL(file).href);
    return await new Promise<boolean>((resolve) =>
      win.webContents.print({}, (success, reason) => {
        if (!success && reason !== 'cancelled') console.warn(`[print] ${reason}`);
        resolve(success);
      }),
    );
  } catch (error) {
    console.warn('[print] hidden window could not print, opening the system viewer:', error);
    return (await shell.openPath(file)) === '';
  } finally {
    win.destroy();
  }
}

async function start(): Promise<void> {
  const paths = libraryPaths({
    userData: app.getPath('userData'),
    resources: app.isPackaged ? process.resourcesPath : path.join(app.getAppPath(), 'resources'),
    env: process.env,
  });
  core = createCore({
    databasePath: paths.database,
    nativeBinding: electronNativeBinding(),
    locale: app.getLocale().startsWith('zh') ? 'zh-CN' : 'en',
    version: app.getVersion(),
    platform: {
      chooseDocuments: async ({ folder, multiple }) => {
        const options: Electron.OpenDialogOptions = {
          title: '导入文档 / Import documents',
          properties: [
            folder ? 'openDirectory' : 'openFile',
            ...(multiple ? (['multiSelections'] as const) : []),
          ],
          filters: folder
            ? []
            : [{ name: '政策文件 / Documents', extensions: ['txt', 'html', 'htm', 'docx', 'pdf'] }],
        };
        const result = mainWindow
          ? await dialog.showOpenDialog(mainWindow, options)
          : await dialog.showOpenDialog(options);
        return result.canceled ? [] : result.filePaths;
      },
      chooseSaveFile: async ({ defaultName, format }) => {
        const options: Electron.SaveDialogOptions = {
          title: '保存 / Save',
          defaultPath: path.join(app.getPath('documents'), defaultName),
          filters: [{ name: format.toUpperCase(), extensions: [format] }],
        };
        const result = mainWindow
          ? await dialog.showSaveDialog(mainWindow, options)
          : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
      printPdf: (pdf, title) => printPdfFile(pdf, title),
    },
  });
  await seedBundledDocuments(core.ctx, paths.bundledDocuments);
  registerIpc(core, () => mainWindow?.webContents, rendererUrl());
  mainWindow = createMainWindow();
  mainWindow.on('closed', () => (mainWindow = undefined));
}

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
