import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The layers of electron/main, lowest first: a file may import its own layer and those below,
 * never one above. Domains may use each other (a briefing quotes annotations) as long as no
 * import cycle forms. The shell (Electron lifecycle, IPC registration) sits on top.
 */
export const LAYERS = ['kernel', 'store', 'domain', 'root', 'shell'] as const;
export type Layer = (typeof LAYERS)[number];

/** The domain folders, shared with eslint.config.mjs. */
const { domains: DOMAINS } = JSON.parse(
  fs.readFileSync(path.join(__dirname, 'main-layers.json'), 'utf8'),
) as { domains: string[] };

/** The layer of a file, by its path under electron/main ('' for a file outside it). */
export function layerOf(rel: string): Layer {
  const [top] = rel.split('/');
  if (top === 'kernel') return 'kernel';
  if (top === 'store') return 'store';
  if (DOMAINS.includes(top!)) return 'domain';
  if (top === 'core') return 'root';
  return 'shell';
}

export interface ImportEdge {
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

function resolveImport(fromFile: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(fromFile), spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base])
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return null;
}

/** Every import (type-only ones included: a type names what it depends on) between files of electron/main. */
export function importGraph(mainDir: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(mainDir)) {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    for (const ref of info.importedFiles) {
      const target = resolveImport(file, ref.fileName);
      if (!target || !target.startsWith(mainDir + path.sep)) continue;
      edges.push({ from: path.relative(mainDir, file), to: path.relative(mainDir, target) });
    }
  }
  return edges;
}

/** Imports that run upward: from a layer to one above it. */
export function upwardImports(edges: ImportEdge[]): ImportEdge[] {
  return edges.filter((e) => LAYERS.indexOf(layerOf(e.to)) > LAYERS.indexOf(layerOf(e.from)));
}

/**
 * Imports that reach inside another domain: a domain's API is its `<folder>/domain.ts`, and every
 * other file of the folder is private to it. The root and the shell count as outside every domain;
 * kernel and store never import a domain at all (upwardImports).
 */
export function privateImports(edges: ImportEdge[]): ImportEdge[] {
  return edges.filter((e) => {
    const [owner] = e.to.split('/');
    if (!DOMAINS.includes(owner!) || e.from.split('/')[0] === owner) return false;
    return e.to !== `${owner}/domain.ts`;
  });
}

/** Import cycles, each as the files around it (Tarjan's strongly connected components of size > 1). */
export function importCycles(edges: ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) {
    if (!next.has(from)) next.set(from, []);
    next.get(from)!.push(to);
    if (!next.has(to)) next.set(to, []);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  // Iterative, so a long import chain cannot overflow the call stack.
  for (const root of next.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; child: number }[] = [{ node: root, child: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const top = work[work.length - 1]!;
      const children = next.get(top.node)!;
      if (top.child < children.length) {
        const child = children[top.child++]!;
        if (!index.has(child)) {
          index.set(child, counter);
          low.set(child, counter++);
          stack.push(child);
          onStack.add(child);
          work.push({ node: child, child: 0 });
        } else if (onStack.has(child)) low.set(top.node, Math.min(low.get(top.node)!, index.get(child)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === index.get(top.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== top.node);
        if (component.length > 1) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}
