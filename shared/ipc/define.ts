import { z } from 'zod';

/** A channel pairs a request schema (checked in main) with the response type (checked by the compiler). */
export interface ChannelSpec<Req extends z.ZodType, Res> {
  request: Req;
  /** Phantom field: carries the response type, never read at run time. */
  response?: Res;
}

export function channel<Req extends z.ZodType>(request: Req) {
  return <Res>(): ChannelSpec<Req, Res> => ({ request });
}

/** Ids are short ASCII strings; bounding them keeps a hostile renderer from sending megabytes. */
export const idSchema = z.string().min(1).max(200);
