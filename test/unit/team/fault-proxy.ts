import net from 'node:net';

/**
 * An in-process TCP proxy between one client and the hub that fails connections on command:
 * `refuse` (a partition: connections closed at once), `cut-request` (part of the request goes
 * through, then the connection dies: the hub never sees a whole request), `cut-answer` (the
 * request goes through whole and the connection dies as the answer starts: the hub committed,
 * the client never heard). The client uses one connection per request, so a mode picked per
 * connection is a fault per request.
 */
export type FaultMode = 'pass' | 'refuse' | 'cut-request' | 'cut-answer';

export interface FaultProxy {
  url: string;
  /** Picks the mode of each new connection. */
  setPolicy(pick: () => FaultMode): void;
  counts: Record<FaultMode, number>;
  close(): Promise<void>;
}

export async function startFaultProxy(upstreamPort: number): Promise<FaultProxy> {
  let pick: () => FaultMode = () => 'pass';
  const counts: Record<FaultMode, number> = { pass: 0, refuse: 0, 'cut-request': 0, 'cut-answer': 0 };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const mode = pick();
    counts[mode]++;
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    if (mode === 'refuse') {
      client.destroy();
      return;
    }
    const upstream = net.connect(upstreamPort, '127.0.0.1');
    // Nagle on a relay adds delayed-ACK stalls (40 ms a request) that no real client would see.
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    let forwarded = 0;
    client.on('data', (chunk: Buffer) => {
      if (mode === 'cut-request') {
        // Half of the first chunk at most: never a complete request.
        if (forwarded === 0) upstream.write(chunk.subarray(0, Math.max(1, chunk.length >> 1)));
        forwarded += chunk.length;
        setTimeout(() => {
          upstream.destroy();
          client.destroy();
        }, 5);
        return;
      }
      forwarded += chunk.length;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (mode === 'cut-answer') {
        upstream.destroy();
        client.destroy();
        return;
      }
      client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    setPolicy(p) {
      pick = p;
    },
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
