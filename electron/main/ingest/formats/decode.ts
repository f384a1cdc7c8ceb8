import { AppError } from '../../kernel/app-error';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

/**
 * Bytes of a text file as a string, the encoding read from the content, never from the name: a
 * byte-order mark if there is one; else UTF-8 if the bytes are valid UTF-8 (text in GBK or UTF-16
 * almost never is); else UTF-16 if read so it is plausible Chinese text; else GB18030 (a superset
 * of GBK and GB2312) if the bytes are valid there. What decodes to control characters is binary.
 */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  const decoded = decodeBytes(bytes);
  if (!decoded)
    throw new AppError(controlByteShare(bytes) > 0.01 ? 'file_binary' : 'file_encoding', { file });
  if (!looksLikeText(decoded.text)) throw new AppError('file_binary', { file });
  return decoded;
}

function decodeBytes(bytes: Uint8Array): DecodedText | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return tryDecode(bytes.subarray(3), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return tryDecode(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return tryDecode(bytes.subarray(2), 'utf-16be');
  return tryDecode(bytes, 'utf-8') ?? utf16WithoutBom(bytes) ?? tryDecode(bytes, 'gb18030');
}

function tryDecode(bytes: Uint8Array, encoding: DecodedText['encoding']): DecodedText | null {
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch {
    return null;
  }
}

/**
 * UTF-16 without a mark: decoded the right way round, Chinese text is almost all CJK characters,
 * ASCII and punctuation, with line ends; any other reading of the bytes scatters over the BMP.
 */
function utf16WithoutBom(bytes: Uint8Array): DecodedText | null {
  if (bytes.length % 2 !== 0) return null;
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const decoded = tryDecode(bytes, encoding);
    if (decoded && decoded.text.includes('\n') && plausibleShare(decoded.text) > 0.95) return decoded;
  }
  return null;
}

function plausibleShare(text: string): number {
  const sample = text.slice(0, 8000);
  let ok = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0)!;
    if (
      (c >= 0x20 && c < 0x7f) ||
      c === 0x0a ||
      c === 0x0d ||
      c === 0x09 ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2000 && c <= 0x206f) ||
      c === 0xa0
    )
      ok++;
  }
  return sample.length ? ok / sample.length : 0;
}

/** Bytes below 0x20 other than tab, line feed, form feed and carriage return: rare in text in any 8-bit encoding. */
function controlByteShare(bytes: Uint8Array): number {
  const sample = bytes.subarray(0, 64 * 1024);
  let n = 0;
  for (const b of sample) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) n++;
  return sample.length ? n / sample.length : 0;
}

/** Text has almost no control characters besides line breaks and tabs, and no replacement marks. */
export function looksLikeText(text: string): boolean {
  const sample = text.slice(0, 20000);
  if (!sample.trim()) return true;
  let bad = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0)!;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd)
      bad++;
    else if (c >= 0xe000 && c <= 0xf8ff) bad++; // private use: what garbage decodes to in GB18030
  }
  return bad / sample.length < 0.01;
}
