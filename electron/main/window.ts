import { app, BrowserWindow, protocol, session } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { APP_SCHEME, rendererEntry, resolveAppAsset } from './app-protocol';
import { isAllowedNavigation } from './ipc/trusted-sender';
import { CONTENT_SECURITY_POLICY, SECURE_WEB_PREFERENCES } from './security-policy';

export function rendererUrl(): string {
  return rendererEntry(app.isPackaged, process.env);
}

/**
 * Serves the built renderer on `app://yandu/` (registered as privileged before ready, in
 * index.ts), every response carrying the CSP. Only files under out/renderer are ever read.
 */
export function serveRenderer(): void {
  const root = path.join(__dirname, '../renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const asset = resolveAppAsset(request.url, root);
    if (!asset) return new Response('Not found', { status: 404 });
    try {
      const body = await fs.promises.readFile(asset.file);
      return new Response(body, {
        headers: { 'Content-Type': asset.mime, 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
      });
    } catch {
      // A missing asset is a 404, as a web server would say: the page handles it.
      return new Response('Not found', { status: 404 });
    }
  });
}

export function createMainWindow(): BrowserWindow {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  // Nothing is granted, asked for (request) or merely queried (check): no camera, no notifications.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

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
