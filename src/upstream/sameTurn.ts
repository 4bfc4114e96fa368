/**
 * What a call needs before it is sent (a held token, a cached entry, a free quota slot, the project id) is
 * usually at hand, and is then taken as a plain value rather than awaited. An `await` costs a turn of the
 * microtask queue even on a settled promise, and the calls of one batch (a page's 40 joins) take their
 * turns in order: with an await on the way, every call of the batch reached it before any went on. Without
 * one, each call reaches undici in the turn it was made, in the order of its batch (undici then writes a
 * request on a reused connection once that turn's JavaScript has run: its idle-socket check).
 */
export type MaybePromise<T> = T | Promise<T>;

export function isPromise<T>(value: MaybePromise<T>): value is Promise<T> {
  return value instanceof Promise;
}
