/**
 * Content-addressed files: a blob is stored once (by SHA-256) in 1 MiB chunks, and a library sees
 * it only once one of its editors has uploaded those exact bytes (`blob_refs`, under row-level
 * security). Uploading bytes you already hold reveals nothing, so storing them once is safe.
 */
import type pg from 'pg';
import type { Session } from './admin';
import { withMemberTx, withTx } from './db';

export const BLOB_CHUNK_BYTES = 1024 * 1024;

/** Stores verified bytes (the caller checked the hash) and makes them visible to the library. */
export async function putBlob(
  pool: pg.Pool,
  session: Session,
  hash: Buffer,
  bytes: Buffer,
): Promise<{ stored: boolean }> {
  return withTx(pool, async (client) => {
    // The content itself is written by the hub's role: it is verified, and members have no
    // INSERT on blobs, so a member's own connection cannot plant bytes under a wrong hash.
    const inserted = await client.query(
      'INSERT INTO hub.blobs (sha256, size) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING RETURNING sha256',
      [hash, bytes.length],
    );
    const stored = (inserted.rowCount ?? 0) > 0;
    if (stored)
      for (let seq = 0, at = 0; at < bytes.length || seq === 0; seq += 1, at += BLOB_CHUNK_BYTES)
        await client.query('INSERT INTO hub.blob_chunks (sha256, seq, data) VALUES ($1, $2, $3)', [
          hash,
          seq,
          bytes.subarray(at, at + BLOB_CHUNK_BYTES),
        ]);
    // the reference is the member's write, under their role: a reader's is refused by the policy
    await client.query(`SET LOCAL ROLE ${client.escapeIdentifier(session.pgRole)}`);
    await client.query(
      'INSERT INTO hub.blob_refs (library_id, sha256) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [session.libraryId, hash],
    );
    return { stored };
  });
}

/** The blob's size when the member's library holds it, else null. */
export async function blobSize(pool: pg.Pool, session: Session, hash: Buffer): Promise<number | null> {
  return withMemberTx(pool, session.pgRole, async (client) => {
    const { rows } = await client.query<{ size: number }>('SELECT size FROM hub.blobs WHERE sha256 = $1', [
      hash,
    ]);
    return rows[0]?.size ?? null;
  });
}

/**
 * Streams a blob chunk by chunk to `write` (which waits for the socket to drain), so a 64 MiB file
 * never sits in memory whole. Each chunk is its own short transaction: a slow reader never holds
 * a database connection while its socket drains (chunks never change once stored, so no snapshot
 * is needed across them). `onSize` runs first (null: the library holds no such blob).
 */
export async function readBlob(
  pool: pg.Pool,
  session: Session,
  hash: Buffer,
  onSize: (size: number | null) => void,
  write: (chunk: Buffer) => Promise<void>,
): Promise<void> {
  const blob = await withMemberTx(pool, session.pgRole, async (client) => {
    const { rows } = await client.query<{ size: number; chunks: number }>(
      `SELECT b.size, (SELECT count(*)::int FROM hub.blob_chunks c WHERE c.sha256 = b.sha256) AS chunks
         FROM hub.blobs b WHERE b.sha256 = $1`,
      [hash],
    );
    return rows[0] ?? null;
  });
  onSize(blob ? blob.size : null);
  if (!blob) return;
  for (let seq = 0; seq < blob.chunks; seq += 1) {
    const data = await withMemberTx(pool, session.pgRole, async (client) => {
      const { rows } = await client.query<{ data: Buffer }>(
        'SELECT data FROM hub.blob_chunks WHERE sha256 = $1 AND seq = $2',
        [hash, seq],
      );
      return rows[0]?.data;
    });
    if (!data) throw new Error(`blob ${hash.toString('hex')} lost chunk ${seq}`);
    await write(data);
  }
}
