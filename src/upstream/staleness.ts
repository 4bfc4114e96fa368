/**
 * Marks a value the cache served in place of a call that could not be made (an older value, not an
 * error). The mark sits on a copy made for this one serve, so the cached value itself stays unmarked for
 * everyone else, and resolvers that hand the value on can tell the response which fields are stale.
 */
import type { StaleServe } from './transport/callTally';

const marks = new WeakMap<object, StaleServe>();

/** A shallow copy of `value` marked stale (values that are not objects cannot carry a mark). */
export function markedStale<T>(value: T, serve: StaleServe): T {
  if (typeof value !== 'object' || value === null) return value;
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as T & object;
  marks.set(copy, serve);
  return copy;
}

/** How the value came to be stale, if it was served stale. */
export function stalenessOf(value: unknown): StaleServe | undefined {
  return typeof value === 'object' && value !== null ? marks.get(value) : undefined;
}
