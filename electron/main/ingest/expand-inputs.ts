import fs from 'node:fs';
import path from 'node:path';

/** A path's kind, following links; null when it cannot be followed (missing, broken link, no access). */
function kindOf(file: string): 'directory' | 'other' | null {
  try {
    return fs.statSync(file).isDirectory() ? 'directory' : 'other';
  } catch {
    return null;
  }
}

/**
 * Expands folders one level deep in name order, so importing `archive/` takes every file in it.
 * Hidden entries and sub-folders are passed over; anything else (a broken link, a pipe, a device)
 * stays in the batch and fails there with its reason, so one odd entry never stops the others.
 */
export function expandInputs(inputs: string[]): string[] {
  return inputs.flatMap((input) => {
    if (kindOf(input) !== 'directory') return [input];
    return fs
      .readdirSync(input)
      .filter((name) => !name.startsWith('.'))
      .sort()
      .map((name) => path.join(input, name))
      .filter((file) => kindOf(file) !== 'directory');
  });
}
