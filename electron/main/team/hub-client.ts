import { lazyPackage } from '../kernel/lazy-package';

// Loaded when a sync first talks to the hub: most commands never do.
const http = lazyPackage<typeof import('node:http')>('node:http');
const https = lazyPackage<typeof import('node:https')>('node:https');
import type {
  JoinRequest,
  JoinResponse,
  PullResponse,
  PushRequest,
  PushResponse,
  StatusResponse,
} from '../../../shared/team/protocol';

/**
 * The desktop's HTTP client of the hub. One connection per request (no keep-alive): a cut
 * connection fails one request, never a later one, and every request has a time limit.
 */
export class HubError extends Error {
  constructor(
    /** HTTP status, 0 when the hub could not be reached or the answer was cut. */
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
  /** Worth retrying later: the network or the hub, not the request. */
  get transient(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

const MAX_JSON_ANSWER = 64 * 1024 * 1024;

export interface HubClientOptions {
  url: string;
  token?: string;
  timeoutMs?: number;
}

export class HubClient {
  constructor(private readonly options: HubClientOptions) {}

  join(body: JoinRequest): Promise<JoinResponse> {
    return this.json('POST', '/v1/join', body);
  }
  status(): Promise<StatusResponse> {
    return this.json('GET', '/v1/status');
  }
  push(body: PushRequest | string): Promise<PushResponse> {
    return this.json('POST', '/v1/push', body);
  }
  pull(since: number, limit: number, epoch?: string, token?: string): Promise<PullResponse> {
    const tail =
      (epoch ? `&epoch=${encodeURIComponent(epoch)}` : '') +
      (token ? `&token=${encodeURIComponent(token)}` : '');
    return this.json('GET', `/v1/pull?since=${since}&limit=${limit}${tail}`);
  }
  async hasBlob(sha256: string): Promise<boolean> {
    try {
      await this.request('HEAD', `/v1/blobs/${sha256}`);
      return true;
    } catch (error) {
      if (error instanceof HubError && error.status === 404) return false;
      throw error;
    }
  }
  async putBlob(sha256: string, bytes: Buffer): Promise<void> {
    await this.request('PUT', `/v1/blobs/${sha256}`, bytes, 'application/octet-stream');
  }
  getBlob(sha256: string): Promise<Buffer> {
    return this.request('GET', `/v1/blobs/${sha256}`);
  }

  private async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const payload =
      body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const answer = await this.request(method, path, payload, 'application/json');
    try {
      return JSON.parse(answer.toString('utf8')) as T;
    } catch {
      throw new HubError(0, 'bad-answer', `hub answered ${method} ${path} with something not JSON`);
    }
  }

  private request(method: string, path: string, body?: Buffer, type?: string): Promise<Buffer> {
    const url = new URL(path, this.options.url);
    const lib = url.protocol === 'https:' ? https() : http();
    const headers: Record<string, string> = {};
    if (this.options.token) headers['authorization'] = `Bearer ${this.options.token}`;
    if (body) {
      headers['content-type'] = type ?? 'application/octet-stream';
      headers['content-length'] = String(body.length);
    }
    return new Promise<Buffer>((resolve, reject) => {
      const req = lib.request(
        url,
        { method, headers, agent: false, timeout: this.options.timeoutMs ?? 15_000 },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_JSON_ANSWER + 1024) req.destroy(new Error('answer too large'));
            else chunks.push(chunk);
          });
          res.on('error', (e) => reject(new HubError(0, 'network', e.message)));
          res.on('aborted', () => reject(new HubError(0, 'network', 'answer cut')));
          res.on('end', () => {
            if (!res.complete) return reject(new HubError(0, 'network', 'answer cut'));
            const data = Buffer.concat(chunks);
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) return resolve(data);
            let code = `http-${status}`;
            let message = `hub answered ${status} to ${method} ${url.pathname}`;
            try {
              const parsed = JSON.parse(data.toString('utf8')) as {
                error?: { code?: string; message?: string };
              };
              if (parsed.error?.code) code = parsed.error.code;
              if (parsed.error?.message) message = parsed.error.message;
            } catch {
              // Not JSON (a HEAD, a proxy's page): the status says enough.
            }
            reject(new HubError(status, code, message));
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', (e) => reject(new HubError(0, 'network', e.message)));
      req.end(body);
    });
  }
}
