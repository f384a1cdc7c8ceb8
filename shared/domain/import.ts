/** The result of importing a batch of files; also what `yandu import --json` prints. */
export interface ImportSummary {
  imported: ImportedDocument[];
  /** Files left out on purpose: duplicates (`existingId`) and, coded `import_cancelled`, those a cancel left. */
  skipped: { file: string; reason: string; code?: string; existingId?: string }[];
  failed: { file: string; error: string; code?: string }[];
  /** True when the batch was cancelled before its last file: the files not reached are skipped. */
  cancelled?: boolean;
}

export interface ImportedDocument {
  id: string;
  file: string;
  title: string;
  passages: number;
  glossary: number;
  footnotes: number;
  measures: number;
  /** True when the file replaced an existing document's content (`--replace`). */
  replaced?: boolean;
}

/**
 * A file the user chose (file dialog) or dropped, as main registered it: the renderer imports it by
 * `token` and shows `name` (and `path`, which it was shown anyway); it can never name a path itself.
 */
export interface ChosenFile {
  token: string;
  name: string;
  path: string;
}
