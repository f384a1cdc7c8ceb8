import type { ComparePair, DocumentComparison } from '../../../shared/domain/compare';
import { AppError } from '../kernel/app-error';
import type { CoreContext } from '../kernel/context';
import { TaskRunner } from '../kernel/task-runner';
import { getDocumentBundle, listDocuments } from '../store/document-reader';
import { compareDocuments, compareNow } from './compare-documents';
import { defaultPair } from './default-pair';

/** One comparison is at most a few hundred milliseconds of work; slices keep IPC answering meanwhile. */
const SLICE_MS = 12;

function bundles(ctx: CoreContext, a: string, b: string) {
  const bundleA = getDocumentBundle(ctx.db, a);
  if (!bundleA) throw new AppError('not_found', { what: '文档', id: a });
  const bundleB = getDocumentBundle(ctx.db, b);
  if (!bundleB) throw new AppError('not_found', { what: '文档', id: b });
  return [bundleA, bundleB] as const;
}

export class CompareService {
  private readonly runner = new TaskRunner(SLICE_MS);

  constructor(private readonly ctx: CoreContext) {}

  /** In slices on the event loop: the window's main process stays responsive while it runs. */
  compare(a: string, b: string): Promise<DocumentComparison> {
    const [bundleA, bundleB] = bundles(this.ctx, a, b);
    return this.runner.run(`compare ${a} ${b}`, compareDocuments(bundleA, bundleB), true);
  }

  /** At once, for the CLI and tests. */
  compareNow(a: string, b: string): DocumentComparison {
    const [bundleA, bundleB] = bundles(this.ctx, a, b);
    return compareNow(bundleA, bundleB);
  }

  defaultPair(docId?: string): ComparePair | null {
    return defaultPair(listDocuments(this.ctx.db), docId);
  }
}

/** The compare service of the open library (the core owns it: a restore makes a new one). */
export function compareServiceFor(ctx: CoreContext): CompareService {
  return ctx.instances.get('compare', () => new CompareService(ctx));
}
