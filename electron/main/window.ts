import { BrowserWindow, session } from 'electron';
import path from 'node:path';
import { isAllowedNavigation } from './ipc/trusted-sender';
import { CONTENT_SECURITY_POLICY, SECURE_WEB_PREFERENCES } from './security-policy';

export function rendererUrl(): string {
  const devServer = process.env['ELECTRON_RENDERER_URL'];
  if (devServer) return devServer;
  return `file://${path.join(__dirname, '../renderer/index.html')}`;
}

export function createMainWindow(): BrowserWindow {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  const window = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: '研读 Yandu',
    backgroundColor: '#f7f5f0',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: path.join(__dirname, '../preload/index.js') },
  });
  const appUrl = rendererUrl();
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, appUrl)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appUrl);
  return window;
}
