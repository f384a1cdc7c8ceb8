import { z } from 'zod';
import type { ChosenFile } from '../../domain/import';
import type { DocumentBundle, DocumentSummary } from '../../domain/library';
import { channel, idSchema } from '../define';

const id = idSchema;

export const documentChannels = {
  /** Every document in the library, newest year first. */
  'documents:list': channel(() => z.object({}).strict())<DocumentSummary[]>(),
  /** One document with its sections, passages, glossary, footnotes and measures. */
  'documents:get': channel(() => z.object({ id }).strict())<DocumentBundle>(),
  /**
   * The reader opened this document: a fresh start reopens it. Apart from `documents:get`, which
   * other screens (the comparison) also use to read a document without opening it.
   */
  'documents:opened': channel(() => z.object({ id }).strict())<{ id: string }>(),
  /** The document a fresh start opens: the last one opened in the reader, else the bundled report. */
  'documents:default': channel(() => z.object({}).strict())<{ id: string } | null>(),
  /** Passages that refer to one glossary entry (by marker or by mention). */
  'glossary:passages': channel(() => z.object({ glossaryId: id }).strict())<GlossaryOccurrence[]>(),
  'app:info': channel(() => z.object({}).strict())<AppInfo>(),
  /**
   * Opens the system file dialog (in main) and returns the chosen files (a folder's files) with
   * the tokens `imports:start` takes; [] when cancelled.
   */
  'app:choose-documents': channel(() =>
    z.object({ folder: z.boolean().optional(), multiple: z.boolean().optional() }).strict(),
  )<ChosenFile[]>(),
};

export interface GlossaryOccurrence {
  passageId: string;
  offset: number;
  source: 'marker' | 'mention';
  citation: string;
  snippet: string;
}

export interface AppInfo {
  version: string;
  databasePath: string;
  schemaVersion: number;
  locale: 'zh-CN' | 'en';
}
