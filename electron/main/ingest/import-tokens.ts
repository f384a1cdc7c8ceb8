import { randomBytes } from '../kernel/crypto';
import path from 'node:path';
import type { ChosenFile } from '../../../shared/domain/import';
import { AppError } from '../kernel/app-error';
import { expandInputs } from './expand-inputs';

/** Tokens kept at most: a few thousand chosen files; the oldest are forgotten first. */
export const MAX_IMPORT_TOKENS = 5000;
/** Most files one choice in the window may expand to (a folder of reports, not a disk). */
export const MAX_CHOSEN_FILES = 500;

/**
 * The files the user chose in the dialog or dropped on the window, each under a random token. The
 * renderer imports by token only, so a compromised page cannot make main read a path nobody chose.
 * Folders are expanded when chosen; whether each file can be read is found out when it is read.
 */
export class ImportTokens {
  private readonly paths = new Map<string, string>();

  constructor(private readonly limit = MAX_IMPORT_TOKENS) {}

  /**
   * Tokens for the chosen files and folders' files; a choice beyond `max` files is refused whole
   * with the count (not cut short: the files past the cap would be left out without a word).
   */
  issue(chosen: string[], max = MAX_CHOSEN_FILES): ChosenFile[] {
    const files = expandInputs(chosen);
    if (files.length > max) throw new AppError('import_too_many', { count: files.length, max });
    return files.map((file) => {
      const token = randomBytes(16).toString('hex');
      this.paths.set(token, file);
      if (this.paths.size > this.limit) this.paths.delete(this.paths.keys().next().value!);
      return { token, name: path.basename(file), path: file };
    });
  }

  /** The paths behind the tokens, in order; refused whole when any token was never issued. */
  resolve(tokens: string[]): string[] {
    return tokens.map((token) => {
      const file = this.paths.get(token);
      if (!file) throw new AppError('import_token_unknown');
      return file;
    });
  }
}
