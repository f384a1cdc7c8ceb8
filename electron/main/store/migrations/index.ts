import { migration001Core } from './001-core';
import { migration002SearchIndex } from './002-search-index';
import { migration003Annotations } from './003-annotations';
import type { Migration } from './types';

/** In order. Append only: a shipped migration is never edited, a fix is a new one. */
export const migrations: readonly Migration[] = [
  migration001Core,
  migration003Annotations,
  migration002SearchIndex,
];
