import { z } from 'zod';

/** A channel pairs a request schema (checked in main) with the response type (checked by the compiler). */
export interface ChannelSpec<Req extends z.ZodType, Res> {
  request: Req;
  /** Phantom field: carries the response type, never read at run time. */
  response?: Res;
}

/**
 * The request schema is built on first use. A CLI command answers one channel, and building every
 * channel's zod schema at start was the largest part of a `yandu list` after compiling the code.
 */
export function channel<Req extends z.ZodType>(build: () => Req) {
  return <Res>(): ChannelSpec<Req, Res> => {
    let request: Req | undefined;
    return {
      get request() {
        return (request ??= build());
      },
    };
  };
}

/** Ids are short ASCII strings; bounding them keeps a hostile renderer from sending megabytes. */
export const idSchema = z.string().min(1).max(200);
