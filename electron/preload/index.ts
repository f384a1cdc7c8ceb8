import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { YanduApi } from '../../shared/ipc/api';
import { CHANNEL_NAMES } from '../../shared/ipc/channel-names';
import { eventNames } from '../../shared/ipc/events';

const allowedChannels = new Set<string>(CHANNEL_NAMES);
const allowedEvents = new Set<string>(eventNames);

/** Only a typed invoke/on over the contract's allowlist crosses into the page: no ipcRenderer, no Node. */
const api: YanduApi = {
  invoke: (channel, payload) => {
    if (!allowedChannels.has(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown_channel', message: `Unknown channel: ${String(channel)}` },
      });
    }
    return ipcRenderer.invoke('yandu:invoke', { channel, payload });
  },
  on: (event, listener) => {
    if (!allowedEvents.has(event)) throw new Error(`Unknown event: ${String(event)}`);
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(`yandu:event:${event}`, wrapped);
    return () => ipcRenderer.removeListener(`yandu:event:${event}`, wrapped);
  },
  // Dropped files reach main as paths; main still validates each one before reading it.
  pathForFile: (file) => (file instanceof File ? webUtils.getPathForFile(file) : ''),
};

contextBridge.exposeInMainWorld('api', api);
