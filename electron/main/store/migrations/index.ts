import { migration001Core } from './001-core';
import { migration002Annotations } from './002-annotations';
import { migration003SearchIndex } from './003-search-index';
import { migration004MetadataLedger } from './004-metadata-ledger';
import { migration005DetachedAnnotations } from './005-detached-annotations';
import { migration006Xref } from './006-xref';
import { migration007Briefings } from './007-briefings';
import { migration008Team } from './008-team';
import { migration009PassageOcr } from './009-passage-ocr';
import { migration010UndoLog } from './010-undo-log';
import { migration011SearchBlocks } from './011-search-blocks';
import { migration012TeamEditions } from './012-team-editions';
import { migration013TeamAncestors } from './013-team-ancestors';
import { migration014TeamPassageMoves } from './014-team-passage-moves';
import { migration015TeamRemovedAnnotations } from './015-team-removed-annotations';
import { migration016DocumentCounts } from './016-document-counts';
import { migration017TeamRemovedOverrides } from './017-team-removed-overrides';
import type { Migration } from './types';

/** In order. Append only: a shipped migration is never edited, a fix is a new one. */
export const migrations: readonly Migration[] = [
  migration001Core,
  migration002Annotations,
  migration003SearchIndex,
  migration004MetadataLedger,
  migration005DetachedAnnotations,
  migration006Xref,
  migration007Briefings,
  migration008Team,
  migration009PassageOcr,
  migration010UndoLog,
  migration011SearchBlocks,
  migration012TeamEditions,
  migration013TeamAncestors,
  migration014TeamPassageMoves,
  migration015TeamRemovedAnnotations,
  migration016DocumentCounts,
  migration017TeamRemovedOverrides,
];
