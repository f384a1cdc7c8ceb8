/**
 * Whether a frame URL belongs to the app's own renderer: `app://yandu/…` (the built renderer,
 * see app-protocol.ts), the dev server origin, or a file under the built renderer folder. Pure so
 * it can be tested without Electron.
 */
export function isTrustedRendererUrl(frameUrl: string, rendererUrl: string): boolean {
  let frame: URL;
  let app: URL;
  try {
    frame = new URL(frameUrl);
    app = new URL(rendererUrl);
  } catch {
    return false;
  }
  // Node gives custom schemes an opaque origin ('null'): compare scheme and host instead.
  if (app.protocol === 'app:') return frame.protocol === 'app:' && frame.host === app.host;
  if (app.protocol === 'file:') {
    if (frame.protocol !== 'file:') return false;
    const appDir = app.pathname.slice(0, app.pathname.lastIndexOf('/') + 1);
    return (
      decodeURIComponent(frame.pathname).startsWith(decodeURIComponent(appDir)) &&
      !frame.pathname.includes('/../')
    );
  }
  return frame.origin === app.origin;
}

/** Navigation is allowed only within the app itself; everything else is refused (no remote content). */
export const isAllowedNavigation = isTrustedRendererUrl;
