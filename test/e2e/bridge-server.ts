import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Core } from '../../electron/main/core/app-core';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { eventNames } from '../../shared/ipc/events';

/**
 * The browser test bridge: serves the built renderer and stands in for the preload + ipcMain pair.
 *   POST /__bridge/invoke  {channel, payload} → dispatch(core, …) → the Result envelope
 *   GET  /__bridge/events  Server-Sent Events: every core event named in shared/ipc/events.ts
 * Same origin as the page, so the renderer's CSP (connect-src 'self') holds unchanged.
 */
export interface BridgeServer {
  url: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
const MAX_BODY = 4 * 1024 * 1024;

export async function startBridgeServer(core: Core, rendererDir: string): Promise<BridgeServer> {
  const root = path.resolve(rendererDir);
  if (!fs.existsSync(path.join(root, 'index.html')))
    throw new Error(`No built renderer in ${root}: run \`npm run build\` before the browser tests.`);
  const streams = new Set<http.ServerResponse>();

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/__bridge/invoke' && req.method === 'POST') return invoke(req, res);
    if (url.pathname === '/__bridge/events' && req.method === 'GET') return events(res);
    if (req.method !== 'GET') return send(res, 405, 'method not allowed');
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(root, rel);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile())
      return send(res, 404, 'not found');
    res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });

  function invoke(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(c);
    });
    req.on('end', async () => {
      let body: { channel?: unknown; payload?: unknown };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
      } catch {
        return send(res, 400, 'bad json');
      }
      const result = await dispatch(core, body.channel, body.payload, {
        locale: core.ctx.locale,
        logError: (channel, error) => console.error(`[bridge] ${channel}:`, error),
      });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(result));
    });
  }

  function events(res: http.ServerResponse) {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const offs = eventNames.map((name) =>
      core.ctx.events.on(name, (payload) =>
        res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`),
      ),
    );
    streams.add(res);
    res.on('close', () => {
      offs.forEach((off) => off());
      streams.delete(res);
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        streams.forEach((s) => s.end());
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: http.ServerResponse, status: number, text: string) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}
