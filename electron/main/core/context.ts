import type { Locale } from '../../../shared/ipc/errors';
import type { Db } from '../store/database';
import type { LibraryEvents } from './library-events';

/** What every domain's handlers and services get: one open library and the core's event bus. */
export interface CoreContext {
  db: Db;
  events: LibraryEvents;
  locale: Locale;
  databasePath: string;
  version: string;
}
