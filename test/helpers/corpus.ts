import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';

/** The corpus of real documents sits beside the repository (`../shared/corpus`), in CI too. */
export const CORPUS_DIR = path.resolve(__dirname, '../../../shared/corpus');
export const corpusAvailable = fs.existsSync(path.join(CORPUS_DIR, 'README.md'));

/**
 * `describe` for tests that read the corpus. Without it they skip on a developer's machine, but
 * under CI (`CI=true`) a missing corpus is a failure: a green run must mean the corpus was tested.
 */
export function describeCorpus(name: string, body: () => void): void {
  if (!corpusAvailable && process.env.CI) {
    describe(name, () => {
      it('has the corpus beside the repository', () => {
        throw new Error(`the corpus is missing: expected ${CORPUS_DIR}/README.md (CI=true)`);
      });
    });
    return;
  }
  describe.skipIf(!corpusAvailable)(name, body);
}
