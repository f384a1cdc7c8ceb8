import { z } from 'zod';
import type { ComparePair, DocumentComparison } from '../../domain/compare';
import { channel, idSchema } from '../define';

export const compareChannels = {
  /** Two reports side by side: aligned sections and passages, changed sentences, new and dropped phrases. */
  'compare:documents': channel(() => z.object({ a: idSchema, b: idSchema }).strict())<DocumentComparison>(),
  /** The pair to open: `docId` and its predecessor of the same series; without it, the newest such pair. */
  'compare:default-pair': channel(() =>
    z.object({ docId: idSchema.optional() }).strict(),
  )<ComparePair | null>(),
};
