/** The result of importing a batch of files; also what `yandu import --json` prints. */
export interface ImportSummary {
  imported: ImportedDocument[];
  skipped: { file: string; reason: string; existingId?: string }[];
  failed: { file: string; error: string; code?: string }[];
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
