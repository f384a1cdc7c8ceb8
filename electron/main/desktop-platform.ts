import { BrowserWindow, dialog, shell, app } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PlatformServices } from './kernel/context';
import { safeFileName } from './print/domain';

/**
 * What only the desktop shell can do for the core: native open and save dialogs, and printing.
 * The CLI and the browser test bridge supply their own PlatformServices.
 */
export function desktopPlatform(mainWindow: () => BrowserWindow | undefined): PlatformServices {
  return {
    chooseDocuments: async ({ folder, multiple }) => {
      const options: Electron.OpenDialogOptions = {
        title: '导入文档 / Import documents',
        properties: [
          folder ? 'openDirectory' : 'openFile',
          ...(multiple ? (['multiSelections'] as const) : []),
        ],
        filters: folder
          ? []
          : [
              {
                name: '政策文件 / Documents',
                extensions: [
                  'txt',
                  'html',
                  'htm',
                  'docx',
                  'pdf',
                  'png',
                  'jpg',
                  'jpeg',
                  'tif',
                  'tiff',
                  'webp',
                ],
              },
            ],
      };
      const win = mainWindow();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    chooseSaveFile: async ({ defaultName, format }) => {
      const options: Electron.SaveDialogOptions = {
        title: '保存 / Save',
        defaultPath: path.join(app.getPath('documents'), defaultName),
        filters: [{ name: format.toUpperCase(), extensions: [format] }],
      };
      const win = mainWindow();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    printPdf: (pdf, title) => printPdfFile(pdf, title),
  };
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
