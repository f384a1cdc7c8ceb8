import { migration001Core } from './001-core';
import { migration002Annotations } from './002-annotations';
import { migration003SearchIndex } from './003-search-index';
import { migration004Briefings } from './004-briefings';
import type { Migration } from './types';

/** In order. Append only: a shipped migration is never edited, a fix is a new one. */
export const migrations: readonly Migration[] = [
  migration001Core,
  migration002Annotations,
  migration003SearchIndex,
  migration004Briefings,
];
