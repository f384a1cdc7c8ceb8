import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface EngineFigures {
  engine: string;
  documents: number;
  /** Characters of searchable text. */
  chars: number;
  buildMs: number;
  /** Longest the event loop waited during the build (the thread stays responsive when small). */
  buildLagMs: number | null;
  oneMoreMs: number;
  /** One more document indexed in the background after its import (yandu only). */
  oneMoreBackgroundMs: number | null;
  startToAnswerMs: number;
  p50: number;
  p95: number;
  /** CPU time of the process per query (the machine is shared: wall time includes waiting). */
  cpuP50: number;
  cpuP95: number;
  queries: number;
  peakRssMb: number;
  indexBytes: number;
  notes: string[];
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export function timeQueries(
  queries: string[],
  run: (q: string) => void,
): { p50: number; p95: number; cpuP50: number; cpuP95: number } {
  // A warm-up over a few queries, as an app that has answered before.
  for (const q of queries.slice(0, 5)) run(`${q} `);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const q of queries) {
    const c = cpuMs();
    const t = performance.now();
    run(q);
    wall.push(performance.now() - t);
    cpu.push(cpuMs() - c);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    p50: percentile(wall, 50),
    p95: percentile(wall, 95),
    cpuP50: percentile(cpu, 50),
    cpuP95: percentile(cpu, 95),
  };
}

const turn = () => new Promise((r) => setTimeout(r, 20));

/**
 * Starts watching the event loop (after a first sample, which it needs to time the next one); the
 * returned function gives the longest wait seen, in ms.
 */
export async function lagMonitor() {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  await turn();
  return async () => {
    // Let the loop turn once more, so that work that blocked it to the end is counted too.
    await turn();
    h.disable();
    return h.max / 1e6;
  };
}

export const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
