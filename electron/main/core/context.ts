import type { ExportFormat } from '../../../shared/domain/print';
import type { Locale } from '../../../shared/ipc/errors';
import type { Db } from '../store/database';
import type { ReplacedPassage } from '../store/document-writer';
import type { LibraryEvents } from './library-events';

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
  replaceHooks: ((docId: string, previous: ReplacedPassage[]) => void)[];
  /**
   * Called inside the transaction that deletes a document, before its rows go, so that what refers
   * to its passages from outside the document (annotations, links, briefing excerpts) is orphaned
   * rather than lost.
   */
  deleteHooks: ((docId: string) => void)[];
  /** What only the desktop shell can do (native dialogs); the CLI and the test bridge supply their own. */
  platform: PlatformServices;
}

export interface PlatformServices {
  /** `multiple: false` for one file, e.g. the revised edition of a document. */
  chooseDocuments(options: { folder: boolean; multiple: boolean }): Promise<string[]>;
  /** Where to save an export (native save dialog), null when cancelled; absent where no dialog exists. */
  chooseSaveFile?(options: { defaultName: string; format: ExportFormat }): Promise<string | null>;
  /** Sends a PDF to the system's print dialog; false when cancelled; absent where printing is impossible. */
  printPdf?(pdf: Buffer, title: string): Promise<boolean>;
}
