import { lazyPackage } from '../../kernel/lazy-package';
import { AppError } from '../../kernel/app-error';

// Only a DOCX import inflates: loaded then, not at every start.
const zlib = lazyPackage<typeof import('node:zlib')>('node:zlib');

/**
 * What a Word package may unpack to before it is parsed. A report's XML is a few megabytes; a
 * small file claiming hundreds is a zip bomb. Pictures are never unpacked (the importer keeps only
 * text), so they do not count.
 */
export const MAX_DOCX_XML_BYTES = 64 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 10_000;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const UNREAD = /^word\/(media|embeddings)\//;

export interface ZipEntrySize {
  name: string;
  uncompressed: number;
  /** 0 stored, 8 deflated. */
  method: number;
  compressed: number;
  /** Where its local header starts. */
  local: number;
}

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

/**
 * Refuses a DOCX whose central directory declares more text than MAX_DOCX_XML_BYTES, or too many
 * entries, before any of it is inflated. Headers can lie, so the parts are then inflated once
 * with the output capped at what is left of the budget: a part that claims a kilobyte and
 * unpacks to a gigabyte stops at the cap (the parse worker's memory limit is the last guard).
 */
export function checkDocxSizes(bytes: Buffer, file: string): void {
  const entries = zipEntrySizes(bytes, file);
  if (entries.length > MAX_ZIP_ENTRIES)
    throw new AppError('docx_damaged', { file, reason: `${entries.length} entries in the package` });
  const read = entries.filter((e) => !UNREAD.test(e.name));
  const tooLarge = (size: string) =>
    new AppError('docx_too_large', { file, size, limit: megabytes(MAX_DOCX_XML_BYTES) });
  const declared = read.reduce((n, e) => n + e.uncompressed, 0);
  if (declared > MAX_DOCX_XML_BYTES) throw tooLarge(megabytes(declared));
  let actual = 0;
  for (const e of read) {
    actual += inflatedSize(bytes, e, MAX_DOCX_XML_BYTES - actual, file);
    if (actual > MAX_DOCX_XML_BYTES) throw tooLarge(`> ${megabytes(MAX_DOCX_XML_BYTES)}`);
  }
}

/** The part's true size, or more than `budget` when it would unpack past it. */
function inflatedSize(bytes: Buffer, entry: ZipEntrySize, budget: number, file: string): number {
  if (entry.local + 30 > bytes.length || bytes.readUInt32LE(entry.local) !== LOCAL_HEADER)
    throw new AppError('docx_damaged', { file, reason: `bad local header for ${entry.name.slice(0, 100)}` });
  const start =
    entry.local + 30 + bytes.readUInt16LE(entry.local + 26) + bytes.readUInt16LE(entry.local + 28);
  const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressed));
  if (entry.method === 0) return data.length;
  if (entry.method !== 8) return 0; // mammoth refuses other methods with its own reason
  try {
    return zlib().inflateRawSync(data, { maxOutputLength: Math.max(1, budget + 1) }).length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return budget + 1;
    throw new AppError('docx_damaged', { file, reason: (error as Error).message.slice(0, 200) });
  }
}

/** Names and declared uncompressed sizes from a ZIP's central directory (ZIP64 included). */
export function zipEntrySizes(bytes: Buffer, file: string): ZipEntrySize[] {
  const damaged = (reason: string) => new AppError('docx_damaged', { file, reason });
  const eocd = findEocd(bytes);
  if (eocd < 0) throw damaged('no ZIP central directory');
  let count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  if (
    (count === 0xffff || offset === 0xffffffff) &&
    eocd >= 20 &&
    bytes.readUInt32LE(eocd - 20) === ZIP64_LOCATOR
  ) {
    const record = Number(bytes.readBigUInt64LE(eocd - 20 + 8));
    if (record + 56 > bytes.length || bytes.readUInt32LE(record) !== ZIP64_EOCD)
      throw damaged('bad ZIP64 record');
    count = Number(bytes.readBigUInt64LE(record + 32));
    offset = Number(bytes.readBigUInt64LE(record + 48));
  }
  if (count > MAX_ZIP_ENTRIES)
    return new Array<ZipEntrySize>(count).fill({
      name: '',
      uncompressed: 0,
      method: 0,
      compressed: 0,
      local: 0,
    });
  const entries: ZipEntrySize[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_HEADER)
      throw damaged('bad central directory');
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const name = bytes.toString('utf8', at + 46, Math.min(bytes.length, at + 46 + nameLength));
    let uncompressed = bytes.readUInt32LE(at + 24);
    if (uncompressed === 0xffffffff)
      uncompressed = zip64Size(bytes, at + 46 + nameLength, extraLength) ?? Number.MAX_SAFE_INTEGER;
    entries.push({
      name,
      uncompressed,
      method: bytes.readUInt16LE(at + 10),
      compressed: bytes.readUInt32LE(at + 20),
      local: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEocd(bytes: Buffer): number {
  const floor = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= floor; i--) if (bytes.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** The uncompressed size in a ZIP64 extra field (id 1), which comes first in it. */
function zip64Size(bytes: Buffer, from: number, length: number): number | null {
  const end = Math.min(bytes.length, from + length);
  for (let at = from; at + 4 <= end;) {
    const id = bytes.readUInt16LE(at);
    const size = bytes.readUInt16LE(at + 2);
    if (id === 1 && size >= 8 && at + 12 <= end) return Number(bytes.readBigUInt64LE(at + 4));
    at += 4 + size;
  }
  return null;
}
