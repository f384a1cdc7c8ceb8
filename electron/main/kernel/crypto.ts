import type { BinaryLike } from 'node:crypto';
import { lazyPackage } from './lazy-package';

/**
 * node:crypto on first use. Loading it pulls in the stream modules, about 20 ms of every CLI start,
 * which a command that neither hashes nor mints an id (`yandu list`) need not pay.
 */
const crypto = lazyPackage<typeof import('node:crypto')>('node:crypto');

export const randomUUID = (): string => crypto().randomUUID();
export const randomBytes = (size: number): Buffer => crypto().randomBytes(size);
export const createHash = (algorithm: string) => crypto().createHash(algorithm);
export const sha256Hex = (data: BinaryLike): string => createHash('sha256').update(data).digest('hex');
