/**
 * Text boxes from the detector's probability map (DB, as in PaddleOCR): pixels above THRESHOLD are
 * grouped into connected regions; a region whose mean probability is under BOX_SCORE is noise.
 * A page has one skew (a scan or photo laid crooked), read from the long regions' principal axes,
 * and every box is a rectangle at that angle, grown back by the detector's shrink (unclip).
 */

export interface TextBox {
  /** Centre, width and height in the deskewed frame, in source-image pixels. */
  cx: number;
  cy: number;
  width: number;
  height: number;
  /** Mean probability of the region: how sure the detector was that this is text. */
  score: number;
}

export interface Skewed {
  /** Page skew in radians (positive: text rises to the left, as y grows downward). */
  angle: number;
  boxes: TextBox[];
}

const THRESHOLD = 0.3;
const BOX_SCORE = 0.6;
const UNCLIP = 2.0;
/** Skews past this are not a crooked scan but something else (vertical text, a table rule). */
const MAX_SKEW = (10 * Math.PI) / 180;

interface Region {
  n: number;
  prob: number;
  sx: number;
  sy: number;
  sxx: number;
  syy: number;
  sxy: number;
  uMin: number;
  uMax: number;
  vMin: number;
  vMax: number;
}

/** `map` is width × height probabilities; `scale` maps its pixels to source pixels. */
export function textBoxes(map: Float32Array, width: number, height: number, scale: number): Skewed {
  const labels = new Int32Array(width * height);
  const regions: Region[] = [];
  const stack = new Int32Array(width * height);
  for (let start = 0; start < map.length; start++) {
    if (labels[start] || map[start]! <= THRESHOLD) continue;
    const region: Region = {
      n: 0,
      prob: 0,
      sx: 0,
      sy: 0,
      sxx: 0,
      syy: 0,
      sxy: 0,
      uMin: Infinity,
      uMax: -Infinity,
      vMin: Infinity,
      vMax: -Infinity,
    };
    regions.push(region);
    const label = regions.length;
    let top = 0;
    stack[top++] = start;
    labels[start] = label;
    while (top) {
      const p = stack[--top]!;
      const x = p % width;
      const y = (p - x) / width;
      region.n++;
      region.prob += map[p]!;
      region.sx += x;
      region.sy += y;
      region.sxx += x * x;
      region.syy += y * y;
      region.sxy += x * y;
      const push = (q: number) => {
        if (!labels[q] && map[q]! > THRESHOLD) {
          labels[q] = label;
          stack[top++] = q;
        }
      };
      if (x > 0) push(p - 1);
      if (x < width - 1) push(p + 1);
      if (y > 0) push(p - width);
      if (y < height - 1) push(p + width);
    }
  }
  const angle = pageSkew(regions);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  for (let p = 0; p < labels.length; p++) {
    const label = labels[p]!;
    if (!label) continue;
    const r = regions[label - 1]!;
    const x = p % width;
    const y = (p - x) / width;
    const u = x * cos + y * sin;
    const v = -x * sin + y * cos;
    if (u < r.uMin) r.uMin = u;
    if (u > r.uMax) r.uMax = u;
    if (v < r.vMin) r.vMin = v;
    if (v > r.vMax) r.vMax = v;
  }
  const boxes: TextBox[] = [];
  for (const r of regions) {
    const score = r.prob / r.n;
    const w = r.uMax - r.uMin + 1;
    const h = r.vMax - r.vMin + 1;
    if (r.n < 4 || score < BOX_SCORE || Math.min(w, h) < 2) continue;
    const grow = (w * h * UNCLIP) / (2 * (w + h));
    // +0.5: a map pixel's centre, not its corner.
    const cu = (r.uMin + r.uMax) / 2 + 0.5;
    const cv = (r.vMin + r.vMax) / 2 + 0.5;
    boxes.push({
      cx: cu * scale,
      cy: cv * scale,
      width: (w + 2 * grow) * scale,
      height: (h + 2 * grow) * scale,
      score,
    });
  }
  return { angle, boxes };
}

/** The weighted median of the principal-axis angles of long, thin regions (text lines). */
function pageSkew(regions: Region[]): number {
  const votes: { angle: number; weight: number }[] = [];
  for (const r of regions) {
    if (r.n < 20) continue;
    const mx = r.sx / r.n;
    const my = r.sy / r.n;
    const cxx = r.sxx / r.n - mx * mx;
    const cyy = r.syy / r.n - my * my;
    const cxy = r.sxy / r.n - mx * my;
    const spread = Math.sqrt((cxx - cyy) ** 2 + 4 * cxy * cxy);
    const major = (cxx + cyy + spread) / 2;
    const minor = Math.max((cxx + cyy - spread) / 2, 1e-6);
    if (major / minor < 16) continue;
    const angle = 0.5 * Math.atan2(2 * cxy, cxx - cyy);
    if (Math.abs(angle) <= MAX_SKEW) votes.push({ angle, weight: r.n });
  }
  if (!votes.length) return 0;
  votes.sort((a, b) => a.angle - b.angle);
  const half = votes.reduce((s, v) => s + v.weight, 0) / 2;
  let acc = 0;
  for (const v of votes) {
    acc += v.weight;
    if (acc >= half) return v.angle;
  }
  return 0;
}
