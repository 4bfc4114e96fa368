/**
 * What a call needs before it is sent (a held token, a cached entry, a free quota slot, the project id) is
 * usually at hand, and is then taken as a plain value rather than awaited. An `await` costs a turn of the
 * microtask queue even on a settled promise, and the calls of one batch (a page's 40 joins) take their
 * turns in order: with one await on the way, no call of the batch left before all of them had reached it.
 * Without any, each call is sent in the turn it was made, and the first join of a page leaves while the
 * others are still being prepared.
 */
export type MaybePromise<T> = T | Promise<T>;

export function isPromise<T>(value: MaybePromise<T>): value is Promise<T> {
  return value instanceof Promise;
}
