/**
 * The hub's HTTP surface (`node:http`, JSON): bounded bodies, bearer-token auth, and the routes of
 * the wire protocol. Handlers only parse, authenticate and call the stores.
 */
import crypto from 'node:crypto';
import type http from 'node:http';
import type pg from 'pg';
import { z } from 'zod';
import {
  HUB_LIMITS,
  joinRequestSchema,
  pullQuerySchema,
  pushRequestSchema,
  type StatusResponse,
} from '../../shared/team/protocol';
import { authenticate, joinHub, type Session } from './admin';
import type { CursorSeal } from './cursor-seal';
import { blobSize, putBlob, readBlob } from './blob-store';
import { withMemberTx } from './db';
import { HubError } from './errors';
import { pull, push } from './sync-store';

export type HubLog = (line: string) => void;

/** Reads the whole body, refusing more than `limit` bytes (by header, and while it streams). */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(new HubError(413, 'too-large', `body over ${limit} bytes`));
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (part: Buffer) => {
      size += part.length;
      if (size > limit) {
        reject(new HubError(413, 'too-large', `body over ${limit} bytes`));
        req.destroy();
        return;
      }
      parts.push(part);
    });
    req.on('end', () => resolve(Buffer.concat(parts, size)));
    req.on('error', reject);
  });
}

async function readJson<S extends z.ZodType>(req: http.IncomingMessage, schema: S): Promise<z.infer<S>> {
  const body = await readBody(req, HUB_LIMITS.jsonBodyBytes);
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HubError(400, 'bad-request', 'the body is not JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new HubError(
      400,
      'bad-request',
      parsed.error.issues
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')
        .slice(0, 1000),
    );
  return parsed.data;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function requireSession(pool: pg.Pool, req: http.IncomingMessage): Promise<Session> {
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(req.headers.authorization ?? '');
  const session = match ? await authenticate(pool, match[1]!) : null;
  if (!session) throw new HubError(401, 'unauthorized', 'a valid device token is required');
  return session;
}

async function status(pool: pg.Pool, session: Session): Promise<StatusResponse> {
  return withMemberTx(pool, session.pgRole, async (client) => {
    const lib = await client.query<{ version: number }>('SELECT version FROM hub.libraries WHERE id = $1', [
      session.libraryId,
    ]);
    const members = await client.query<StatusResponse['members'][number]>(
      `SELECT m.id, m.name, ms.role FROM hub.memberships ms JOIN hub.members m ON m.id = ms.member_id
        WHERE ms.library_id = $1 ORDER BY ms.created_at, m.id LIMIT 5000`,
      [session.libraryId],
    );
    return {
      library: { id: session.libraryId, name: session.libraryName, version: lib.rows[0]?.version ?? 0 },
      member: { id: session.memberId, name: session.memberName, role: session.role },
      members: members.rows,
    };
  });
}

/**
 * Uploads are read whole (≤ 64 MiB) before their hash is checked; at most `n` at once per hub, so
 * memory stays bounded however many members upload together (the rest wait their turn).
 */
function createLimiter(n: number) {
  let running = 0;
  const queue: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (running >= n) await new Promise<void>((resolve) => queue.push(resolve));
    else running += 1;
    try {
      return await work();
    } finally {
      const next = queue.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
type Limiter = ReturnType<typeof createLimiter>;

/** Writes one chunk and waits for the socket to take it; a reader that hangs up ends the stream. */
function sendChunk(res: http.ServerResponse, chunk: Buffer): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const gone = () => reject(new HubError(400, 'bad-request', 'the client closed the download'));
    if (res.destroyed) return gone();
    if (res.write(chunk)) return resolve();
    res.once('drain', () => {
      res.off('close', gone);
      resolve();
    });
    res.once('close', gone);
  });
}

async function blobRoute(
  uploads: Limiter,
  pool: pg.Pool,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  hex: string,
): Promise<void> {
  const session = await requireSession(pool, req);
  const hash = Buffer.from(hex, 'hex');
  if (req.method === 'PUT') {
    if (session.role === 'reader') throw new HubError(403, 'forbidden', 'readers cannot upload');
    const { stored, size } = await uploads(async () => {
      const bytes = await readBody(req, HUB_LIMITS.blobBytes);
      if (!crypto.createHash('sha256').update(bytes).digest().equals(hash))
        throw new HubError(409, 'hash-mismatch', 'the bytes do not hash to the address');
      return { ...(await putBlob(pool, session, hash, bytes)), size: bytes.length };
    });
    return sendJson(res, stored ? 201 : 200, { sha256: hex, bytes: size, stored });
  }
  if (req.method === 'HEAD') {
    const size = await blobSize(pool, session, hash);
    res.writeHead(size === null ? 404 : 200, size === null ? {} : { 'content-length': size });
    return void res.end();
  }
  if (req.method !== 'GET') throw new HubError(405, 'method-not-allowed', `${req.method} not allowed`);
  await readBlob(
    pool,
    session,
    hash,
    (size) => {
      if (size === null) throw new HubError(404, 'not-found', 'no such blob in this library');
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': size });
    },
    (chunk) => sendChunk(res, chunk),
  );
  res.end();
}

async function route(
  uploads: Limiter,
  pool: pg.Pool,
  seal: CursorSeal,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://hub');
  const key = `${req.method} ${url.pathname}`;
  if (key === 'POST /v1/join')
    return sendJson(res, 200, await joinHub(pool, await readJson(req, joinRequestSchema)));
  if (key === 'GET /v1/status')
    return sendJson(res, 200, await status(pool, await requireSession(pool, req)));
  if (key === 'POST /v1/push') {
    const session = await requireSession(pool, req);
    return sendJson(res, 200, await push(pool, seal, session, await readJson(req, pushRequestSchema)));
  }
  if (key === 'GET /v1/pull') {
    const session = await requireSession(pool, req);
    const query = pullQuerySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!query.success)
      throw new HubError(
        400,
        'bad-request',
        'pull takes since=<int>&limit=<1..1000>[&epoch=<uuid>][&token=<uuid>]',
      );
    return sendJson(
      res,
      200,
      await pull(pool, seal, session, query.data.since, query.data.limit, query.data.epoch, query.data.token),
    );
  }
  const blob = /^\/v1\/blobs\/([0-9a-f]{64})$/.exec(url.pathname);
  if (blob) return blobRoute(uploads, pool, req, res, blob[1]!);
  throw new HubError(404, 'not-found', `no route ${key}`);
}

/** PostgreSQL's own refusals (row-level security, privileges) answer 403, as the service's do. */
function asHubError(error: unknown): HubError | null {
  if (error instanceof HubError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === '42501') return new HubError(403, 'forbidden', (error as Error).message);
  return null;
}

export function createHandler(pool: pg.Pool, seal: CursorSeal, log: HubLog): http.RequestListener {
  const uploads = createLimiter(2);
  return (req, res) => {
    const started = Date.now();
    route(uploads, pool, seal, req, res)
      .catch((error: unknown) => {
        const known = asHubError(error);
        if (!known)
          log(
            `hub: ${req.method} ${req.url} failed: ${error instanceof Error ? error.stack : String(error)}`,
          );
        const answer = known ?? new HubError(500, 'internal', 'internal error');
        if (res.headersSent) res.destroy();
        else sendJson(res, answer.status, answer.body());
      })
      .finally(() =>
        log(`hub: ${req.method} ${req.url?.split('?')[0]} ${res.statusCode} ${Date.now() - started}ms`),
      );
  };
}
