import path from 'node:path';

export interface LibraryPaths {
  database: string;
  bundledDocuments: string;
}

/** Where the app's library lives. `YANDU_DB` overrides, so the CLI and the app can share one. */
export function libraryPaths(input: {
  userData: string;
  resources: string;
  env: NodeJS.ProcessEnv;
}): LibraryPaths {
  return {
    database: input.env['YANDU_DB'] || path.join(input.userData, 'library.db'),
    bundledDocuments: path.join(input.resources, 'documents'),
  };
}

/**
 * The userData folder Electron uses for this app (`app.getPath('userData')`), computed without
 * Electron so the CLI defaults to the same library as the window.
 */
export function defaultUserDataDir(
  platform = process.platform,
  env = process.env,
  home = env['HOME'] ?? '',
): string {
  const appName = 'yandu';
  if (platform === 'win32')
    return path.win32.join(env['APPDATA'] ?? path.win32.join(home, 'AppData', 'Roaming'), appName);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', appName);
  return path.posix.join(env['XDG_CONFIG_HOME'] || path.posix.join(home, '.config'), appName);
}
