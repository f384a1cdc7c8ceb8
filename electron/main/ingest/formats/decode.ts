import { AppError } from '../../core/app-error';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

/**
 * Bytes of a text file as a string, the encoding read from the content, never from the name: a
 * byte-order mark if there is one; else UTF-16 if every other byte is zero; else UTF-8 if the bytes
 * are valid UTF-8 (text in GBK almost never is); else GB18030 (a superset of GBK and GB2312) if
 * they are valid there. What decodes to control characters is binary, not text.
 */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  const decoded = decodeBytes(bytes);
  if (!decoded) throw new AppError('file_encoding', { file });
  if (!looksLikeText(decoded.text)) throw new AppError('file_binary', { file });
  return decoded;
}

function decodeBytes(bytes: Uint8Array): DecodedText | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return tryDecode(bytes.subarray(3), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return tryDecode(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return tryDecode(bytes.subarray(2), 'utf-16be');
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return tryDecode(bytes, utf16);
  return tryDecode(bytes, 'utf-8') ?? tryDecode(bytes, 'gb18030');
}

function tryDecode(bytes: Uint8Array, encoding: DecodedText['encoding']): DecodedText | null {
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch {
    return null;
  }
}

/** Chinese or ASCII text in UTF-16 has a zero in one byte of most code units; count them. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (sample < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const units = sample / 2;
  if (oddZeros > units * 0.3 && evenZeros < units * 0.05) return 'utf-16le';
  if (evenZeros > units * 0.3 && oddZeros < units * 0.05) return 'utf-16be';
  return null;
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
