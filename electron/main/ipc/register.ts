import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { eventNames } from '../../../shared/ipc/events';
import type { Core } from '../core/app-core';
import { dispatch } from './dispatch';
import { isTrustedRendererUrl } from './trusted-sender';

export const INVOKE_CHANNEL = 'yandu:invoke';

/**
 * The only file that touches ipcMain. One invoke channel carries `{channel, payload}` so that the
 * contract, not Electron's channel strings, is the allowlist; events from the core are forwarded
 * to the window.
 */
export function registerIpc(
  core: Core,
  getWindowContents: () => WebContents | undefined,
  rendererUrl: string,
): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event: IpcMainInvokeEvent, message: unknown) => {
    if (
      !event.senderFrame ||
      event.senderFrame !== event.sender.mainFrame ||
      !isTrustedRendererUrl(event.senderFrame.url, rendererUrl)
    ) {
      return { ok: false, error: { code: 'forbidden', message: 'Untrusted sender' } };
    }
    const { channel, payload } = (message ?? {}) as { channel?: unknown; payload?: unknown };
    return dispatch(core, channel, payload, {
      locale: core.ctx.locale,
      logError: (name, error) => console.error(`[ipc] ${name} failed`, error),
    });
  });
  const unsubscribers = eventNames.map((name) =>
    core.ctx.events.on(name, (payload) => getWindowContents()?.send(`yandu:event:${name}`, payload)),
  );
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    unsubscribers.forEach((off) => off());
  };
}
