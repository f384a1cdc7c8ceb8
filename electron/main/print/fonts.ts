import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as fontkit from 'fontkit';
import type { FontRole, FontSubstitution } from '../../../shared/domain/print';
import { AppError } from '../kernel/app-error';

/**
 * Finds the faces a print layout asks for. The 公文 faces (仿宋_GB2312, 方正小标宋简体, 黑体,
 * 楷体_GB2312) are commercial: where a machine has them (Windows, a WPS install, a user's font
 * folder) they are used; otherwise a named free stand-in (Fandol from texlive-lang-chinese, then
 * Noto CJK) is, and the substitution is reported so the print dialog can say so.
 */

interface Candidate {
  /** File names, matched case-insensitively against every font folder. */
  files: string[];
  /** The face inside a collection (.ttc); ignored for single-face files. */
  postscriptName?: string;
  /** What the user sees in the font list. */
  name: string;
}

/** Noto CJK as Debian ships it (OTC collections), or as single-face files elsewhere. */
function noto(family: 'Serif' | 'Sans', weight: 'Regular' | 'Bold'): Candidate {
  return {
    files: [
      `Noto${family}CJK-${weight}.ttc`,
      `Noto${family}CJKsc-${weight}.otf`,
      `Noto${family}SC-${weight}.otf`,
    ],
    postscriptName: `Noto${family}CJKsc-${weight}`,
    name: `Noto ${family} CJK SC${weight === 'Bold' ? ' Bold' : ''}`,
  };
}
const NOTO_SERIF = noto('Serif', 'Regular');
const NOTO_SERIF_BOLD = noto('Serif', 'Bold');
const NOTO_SANS = noto('Sans', 'Regular');
const NOTO_SANS_BOLD = noto('Sans', 'Bold');

/** The face each role wants, then its stand-ins in order of likeness. */
const WANTED: Record<FontRole, { wanted: string; candidates: Candidate[] }> = {
  fangsong: {
    wanted: '仿宋_GB2312',
    candidates: [
      { files: ['仿宋_GB2312.ttf', 'FANGSONG_GB2312.TTF', 'GB2312_FangSong.ttf'], name: '仿宋_GB2312' },
      { files: ['simfang.ttf', 'FangSong.ttf'], name: '仿宋' },
      { files: ['FandolFang-Regular.otf'], name: 'FandolFang' },
      NOTO_SERIF,
    ],
  },
  xiaobiaosong: {
    wanted: '方正小标宋简体',
    candidates: [
      { files: ['方正小标宋简体.ttf', 'FZXBSJW.TTF', 'FZXiaoBiaoSong-B05S.ttf'], name: '方正小标宋简体' },
      { files: ['FandolSong-Bold.otf'], name: 'FandolSong Bold' },
      NOTO_SERIF_BOLD,
    ],
  },
  heiti: {
    wanted: '黑体',
    candidates: [
      { files: ['simhei.ttf', '黑体.ttf'], name: '黑体' },
      { files: ['FandolHei-Regular.otf'], name: 'FandolHei' },
      NOTO_SANS,
    ],
  },
  kaiti: {
    wanted: '楷体_GB2312',
    candidates: [
      { files: ['楷体_GB2312.ttf', 'KAITI_GB2312.TTF', 'GB2312_KaiTi.ttf'], name: '楷体_GB2312' },
      { files: ['simkai.ttf', 'KaiTi.ttf'], name: '楷体' },
      { files: ['FandolKai-Regular.otf'], name: 'FandolKai' },
      { files: ['ukai.ttc'], postscriptName: 'ARPLUKaiCN', name: 'AR PL UKai CN' },
      NOTO_SERIF,
    ],
  },
  songti: {
    wanted: '宋体',
    candidates: [
      { files: ['simsun.ttc'], postscriptName: 'SimSun', name: '宋体' },
      { files: ['FandolSong-Regular.otf'], name: 'FandolSong' },
      NOTO_SERIF,
    ],
  },
  serif: {
    wanted: 'Noto Serif CJK SC',
    candidates: [NOTO_SERIF, { files: ['simsun.ttc'], postscriptName: 'SimSun', name: '宋体' }],
  },
  serifBold: { wanted: 'Noto Serif CJK SC Bold', candidates: [NOTO_SERIF_BOLD, NOTO_SANS_BOLD] },
  sans: { wanted: 'Noto Sans CJK SC', candidates: [NOTO_SANS, { files: ['simhei.ttf'], name: '黑体' }] },
};

/** Per-glyph fallback for characters a face lacks (rare characters outside GB2312). */
const GLYPH_FALLBACKS: Candidate[] = [NOTO_SERIF, NOTO_SANS];

export interface LoadedFont {
  /** Stable key used in layout output and as the PDF font name. */
  key: string;
  name: string;
  file: string;
  postscriptName: string | undefined;
  font: fontkit.Font;
  /** The file's bytes, read once and handed to the PDF writer. */
  data: Buffer;
}

export interface FontSet {
  roles: Record<FontRole, LoadedFont>;
  fallbacks: LoadedFont[];
  substitutions: FontSubstitution[];
}

function fontFolders(): string[] {
  const home = os.homedir();
  const windir = process.env.WINDIR ?? 'C:\\Windows';
  const extra = (process.env.YANDU_FONT_DIRS ?? '').split(path.delimiter).filter(Boolean);
  return [
    ...extra,
    path.join(windir, 'Fonts'),
    path.join(
      process.env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'),
      'Microsoft',
      'Windows',
      'Fonts',
    ),
    '/Library/Fonts',
    '/System/Library/Fonts',
    path.join(home, 'Library', 'Fonts'),
    '/usr/share/fonts',
    '/usr/local/share/fonts',
    path.join(home, '.local', 'share', 'fonts'),
    path.join(home, '.fonts'),
    '/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol',
  ];
}

const MAX_FONT_FILES = 20_000;
const MAX_DEPTH = 5;

/** Lower-cased file name → path, over every font folder (bounded walk). */
function indexFontFiles(): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string, depth: number) => {
    if (depth > MAX_DEPTH || found.size >= MAX_FONT_FILES) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // a folder this platform does not have
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full, depth + 1);
      else if (/\.(ttf|otf|ttc|otc)$/i.test(e.name) && !found.has(e.name.toLowerCase()))
        found.set(e.name.toLowerCase(), full);
    }
  };
  for (const dir of fontFolders()) walk(dir, 0);
  return found;
}

const loaded = new Map<string, LoadedFont | null>();
/**
 * fontkit, loaded by preparePrintFonts on first use (a package import, so it works bundled, built
 * and from source): a command that prints nothing (`yandu list`) must not pay for it.
 */
let fontkitRuntime: typeof fontkit | null = null;

function load(files: Map<string, string>, c: Candidate): LoadedFont | null {
  for (const file of c.files) {
    const full = files.get(file.toLowerCase());
    if (!full) continue;
    const key = `${full}#${c.postscriptName ?? ''}`;
    if (loaded.has(key)) return loaded.get(key) ?? null;
    let font: fontkit.Font | null = null;
    let inCollection = false;
    let data = Buffer.alloc(0);
    try {
      data = fs.readFileSync(full);
      const opened = fontkitRuntime!.create(data);
      inCollection = 'fonts' in opened;
      font =
        'fonts' in opened
          ? (opened.fonts.find((f) => f.postscriptName === c.postscriptName) ?? null)
          : (opened as fontkit.Font);
    } catch (err) {
      console.warn(`[print] cannot read font ${full}: ${(err as Error).message}`);
    }
    const postscriptName = inCollection ? c.postscriptName : undefined;
    const result = font
      ? { key: `F${loaded.size}`, name: c.name, file: full, postscriptName, font, data }
      : null;
    loaded.set(key, result);
    if (result) return result;
  }
  return null;
}

let cached: FontSet | null = null;

/** Loads fontkit if need be, then finds the faces: what every print job calls first. */
export async function preparePrintFonts(): Promise<FontSet> {
  fontkitRuntime ??= await import('fontkit');
  return printFonts();
}

export class MissingFontsError extends AppError {
  constructor(reason: string) {
    super('print_fonts_missing', { reason });
  }
}

/** The faces of this machine, found once per process (font folders do not change under a print job). */
export function printFonts(): FontSet {
  if (cached) return cached;
  if (!fontkitRuntime) throw new Error('printFonts() before preparePrintFonts(): fontkit is not loaded');
  const files = indexFontFiles();
  const substitutions: FontSubstitution[] = [];
  const roles = {} as Record<FontRole, LoadedFont>;
  for (const role of Object.keys(WANTED) as FontRole[]) {
    const { wanted, candidates } = WANTED[role];
    const font = candidates.map((c) => load(files, c)).find((f) => f !== null);
    if (!font)
      throw new MissingFontsError(
        `no font for ${wanted}: install a CJK font (Debian: apt-get install fonts-noto-cjk) or set YANDU_FONT_DIRS`,
      );
    roles[role] = font;
    substitutions.push({ role, wanted, used: font.name });
  }
  const fallbacks = GLYPH_FALLBACKS.map((c) => load(files, c)).filter((f): f is LoadedFont => f !== null);
  cached = { roles, fallbacks, substitutions };
  return cached;
}
