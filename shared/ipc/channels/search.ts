import { z } from 'zod';
import { channel } from '../define';
import type { SearchResponse, SearchStatus } from '../../domain/search';

export const searchChannels = {
  /** Ranked hits of a query (terms, "phrase", -exclude, OR, doc: year: kind: section:), a page at a time. */
  'search:query': channel(
    z
      .object({
        query: z.string().max(500),
        offset: z.number().int().min(0).max(1_000_000).optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
  )<SearchResponse>(),
  /** State of the index; asking starts loading it in the background. */
  'search:status': channel(z.object({}).strict())<SearchStatus>(),
  /** Drops the index and builds it again in the background; follow it with `search:status`. */
  'search:rebuild': channel(z.object({}).strict())<SearchStatus>(),
};
