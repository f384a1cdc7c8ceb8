import type { YanduApi } from '../../shared/ipc/api';

/**
 * Runs in the page before any app script (page.addInitScript) and defines `window.api` the way the
 * preload does, over the bridge server's HTTP endpoints. Must be self-contained: Playwright sends
 * its source text to the page. (The page globals are typed locally: test code compiles without DOM.)
 */
export function installBridgeShim(eventNames: string[]): void {
  type Listener = (payload: unknown) => void;
  interface PageGlobals {
    EventSource: new (url: string) => {
      addEventListener(name: string, listener: (e: { data: string }) => void): void;
    };
  }
  const page = globalThis as unknown as PageGlobals;
  const listeners = new Map<string, Set<Listener>>();
  let connected = false;

  const connect = () => {
    if (connected) return;
    connected = true;
    const source = new page.EventSource('/__bridge/events');
    for (const name of eventNames)
      source.addEventListener(name, (e) => {
        const payload: unknown = JSON.parse(e.data);
        listeners.get(name)?.forEach((l) => l(payload));
      });
  };

  const api: YanduApi = {
    async invoke(channel, payload) {
      const res = await fetch('/__bridge/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ channel, payload }),
      });
      if (!res.ok) return { ok: false, error: { code: 'bridge', message: `bridge HTTP ${res.status}` } };
      return (await res.json()) as Awaited<ReturnType<YanduApi['invoke']>>;
    },
    on(event, listener) {
      if (!eventNames.includes(event)) throw new Error(`Unknown event: ${event}`);
      connect();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as Listener);
      return () => void set.delete(listener as Listener);
    },
    // A browser page has no file system paths (Electron's webUtils does): the app treats '' as none.
    pathForFile: () => '',
  };
  Object.defineProperty(globalThis, 'api', {
    value: Object.freeze(api),
    configurable: false,
    writable: false,
  });
}
