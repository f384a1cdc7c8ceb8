import { execFileSync } from 'node:child_process';

/** Reading a PDF back with poppler-utils (a missing tool fails the test: it is in .ci/run's need_apt). */
export const pdfText = (file: string): string =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });

/** pdftotext breaks lines where the layout did; phrases are found in the text with line breaks removed. */
export const joined = (text: string): string => text.replace(/\s*\n\s*/g, '');

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdfFonts(file: string): PdfFont[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return out.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name … emb sub uni object ID: emb is the fifth column from the end
    return { name: cols[0]!, type: cols.slice(1, -7).join(' '), embedded: cols[cols.length - 5] === 'yes' };
  });
}

export interface BoxLine {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface BoxPage {
  width: number;
  height: number;
  lines: BoxLine[];
}

/** `pdftotext -bbox-layout`: every page's lines with their boxes, in points. */
export function pdfLines(file: string): BoxPage[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const pages: BoxPage[] = [];
  const num = (s: string, key: string) => Number(new RegExp(`${key}="([\\d.]+)"`).exec(s)?.[1]);
  for (const page of xml.split('<page ').slice(1)) {
    const lines: BoxLine[] = [];
    for (const m of page.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
      const words = [...m[2]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]!);
      lines.push({
        text: words.join(' '),
        xMin: num(m[1]!, 'xMin'),
        yMin: num(m[1]!, 'yMin'),
        xMax: num(m[1]!, 'xMax'),
        yMax: num(m[1]!, 'yMax'),
      });
    }
    pages.push({ width: num(page, 'width'), height: num(page, 'height'), lines });
  }
  return pages;
}
