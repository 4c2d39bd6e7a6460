/** A step of a chain: does its part on the context, then hands over to the rest (once) or ends the chain. */
export type Stage<C, R> = (ctx: C, next: () => Promise<R>) => Promise<R>;

/**
 * Composes stages into one function, in order, ending with `last` (Hono's `compose`, without its router
 * parts): control flows down through the stages and back once. A stage that calls `next` twice is a bug.
 */
export function compose<C, R>(stages: readonly Stage<C, R>[], last: (ctx: C) => Promise<R>): (ctx: C) => Promise<R> {
  if (stages.length === 0) return last;
  return (ctx) => {
    let reached = -1;
    const dispatch = (i: number): Promise<R> => {
      if (i <= reached) return Promise.reject(new Error('a stage called next() twice'));
      reached = i;
      const stage = stages[i];
      return stage ? stage(ctx, () => dispatch(i + 1)) : last(ctx);
    };
    return dispatch(0);
  };
}
