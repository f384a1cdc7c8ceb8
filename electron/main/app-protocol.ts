import path from 'node:path';

/**
 * The built renderer is served over `app://yandu/…` rather than `file://`: a standard, secure
 * origin of its own, so `'self'` in the CSP means the app and nothing else on disk, and the
 * trusted-sender check compares one origin. Pure (no Electron) so a unit test can pin it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'yandu';
export const APP_ENTRY = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** For `protocol.registerSchemesAsPrivileged`, before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: false },
} as const;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The file under `rendererRoot` an `app://yandu/…` request names, with its type; null for another
 * host or scheme, a path leaving the folder, or a kind of file the renderer never loads.
 */
export function resolveAppAsset(
  requestUrl: string,
  rendererRoot: string,
): { file: string; mime: string } | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const root = path.resolve(rendererRoot);
  const file = path.resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  const mime = MIME[path.extname(file).toLowerCase()];
  return mime ? { file, mime } : null;
}

/**
 * What the window loads: the dev server only in a checkout (`npm run dev`), never in a packaged
 * app, where an environment variable must not be able to point the window at another site.
 */
export function rendererEntry(packaged: boolean, env: NodeJS.ProcessEnv): string {
  const devServer = env['ELECTRON_RENDERER_URL'];
  return !packaged && devServer ? devServer : APP_ENTRY;
}
