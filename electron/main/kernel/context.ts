import type { DeleteKeep } from '../../../shared/domain/document-care';
import type { ExportFormat } from '../../../shared/domain/print';
import type { Locale } from '../../../shared/ipc/errors';
import type { ChosenFile } from '../../../shared/domain/import';
import type { Db } from './db';
import type { LibraryEvents } from './events';
import type { Instances } from './instances';
import type { SearchSource } from './search-source';
import type { SecretStore } from './secret-store';

/** A passage of the edition a replace took away: what re-anchoring maps onto the new text. */
export interface ReplacedPassage {
  id: string;
  ordinal: number;
  text: string;
}

/**
 * The two editions of a replaced document, aligned once per replace by the document-table owner
 * (store/document-writer) and handed to every replace hook: annotations, links and briefing
 * excerpts re-anchor against the same pairs instead of each aligning the editions again.
 */
export interface EditionAlignment {
  /** The edition just written: its content hash, number and import time. */
  edition: { hash: string; number: number; importedAt: string };
  /** The passages the replace takes away, in order, and each one's index there by id. */
  previous: readonly ReplacedPassage[];
  previousIndex: ReadonlyMap<string, number>;
  /** The new edition's passages in order, and their texts (what `locate` searches). */
  next: readonly { id: string; text: string }[];
  texts: readonly string[];
  /** For each previous passage, the index of its counterpart in `next`, or -1. */
  counterpart: readonly number[];
}

/** The files the user chose or dropped, by token (owned by the imports domain, ingest/import-tokens). */
export interface ImportTokenRegistry {
  /** Refuses a choice of more than `max` files (default: what the window may choose at once). */
  issue(chosen: string[], max?: number): ChosenFile[];
  resolve(tokens: string[]): string[];
}

/** What every domain's handlers and services get: one open library and the core's event bus. */
export interface CoreContext {
  db: Db;
  events: LibraryEvents;
  locale: Locale;
  databasePath: string;
  version: string;
  /**
   * Called inside the transaction that replaces a document by a revised edition, after the new
   * rows are written and before the old ones are deleted (annotation re-anchoring lives here).
   */
  replaceHooks: ((docId: string, alignment: EditionAlignment) => void)[];
  /**
   * Called inside the transaction that deletes a document, before its rows go, so that what refers
   * to its passages from outside the document (annotations, links, briefing excerpts) is orphaned
   * rather than lost. `keep` is the user's choice: 'orphan' keeps them, 'export' means the user
   * was handed an export file first and they may go with the document.
   */
  deleteHooks: ((docId: string, keep: DeleteKeep) => void)[];
  /** What search finds: the sources every domain declares (search's own kinds first), gathered by the root. */
  searchSources: readonly SearchSource[];
  /** The files the user chose or dropped, by token: what the renderer may import. */
  importTokens: ImportTokenRegistry;
  /** What only the desktop shell can do (native dialogs); the CLI and the test bridge supply their own. */
  platform: PlatformServices;
  /** The SQLite driver build the library was opened with, for other library files (backups). */
  nativeBinding?: string;
  /**
   * Closes the library, lets `swap` change the closed file (a restore), and opens it again: every
   * domain is stopped before and started after, over the new connection.
   */
  reopen(swap: (databasePath: string) => void): void;
  /** Per-library instances of the domains, stopped and dropped when the library closes or is swapped. */
  instances: Instances;
}

export interface PlatformServices {
  /** `multiple: false` for one file, e.g. the revised edition of a document. */
  chooseDocuments(options: { folder: boolean; multiple: boolean }): Promise<string[]>;
  /** Where to save an export (native save dialog), null when cancelled; absent where no dialog exists. */
  chooseSaveFile?(options: { defaultName: string; format: ExportFormat }): Promise<string | null>;
  /** Sends a PDF to the system's print dialog; false when cancelled; absent where printing is impossible. */
  printPdf?(pdf: Buffer, title: string): Promise<boolean>;
  /** Where the team hub token is kept (the shell: the OS keychain); default a 0600 file beside the library. */
  teamSecrets?: SecretStore;
}
