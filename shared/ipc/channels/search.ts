import { z } from 'zod';
import { channel } from '../define';
import type { SearchHit, SearchResponse, SearchStatus } from '../../domain/search';

/** Index whatever is new first (and compact): the answer covers the whole library, as a script expects. */
const complete = z.boolean().optional();

export const searchChannels = {
  /** Ranked hits of a query (terms, "phrase", -exclude, OR, doc: year: kind: section:), a page at a time. */
  'search:query': channel(() =>
    z
      .object({
        query: z.string().max(500),
        offset: z.number().int().min(0).max(1_000_000).optional(),
        limit: z.number().int().min(1).max(500).optional(),
        complete,
      })
      .strict(),
  )<SearchResponse>(),
  /** The bare hits of a query, without display text: what `yandu search --json` prints. */
  'search:hits': channel(() =>
    z
      .object({ query: z.string().max(500), limit: z.number().int().min(1).max(500).optional(), complete })
      .strict(),
  )<{ total: number; hits: SearchHit[] }>(),
  /** State of the index; asking starts loading it in the background. */
  'search:status': channel(() => z.object({}).strict())<SearchStatus>(),
  /** Drops the index and builds it again in the background; follow it with `search:status`. */
  'search:rebuild': channel(() => z.object({}).strict())<SearchStatus>(),
};
