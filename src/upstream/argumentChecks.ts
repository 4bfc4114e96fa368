/**
 * Out-of-range arguments are a gateway bug (callers size their calls by `facts.ts`), not user input:
 * they throw a `TypeError` before any quota is spent.
 */
import type { ListRange } from './facts';

export function checkIntegerRange(name: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new TypeError(`${name} must be an integer in ${min}–${max}, got ${value}`);
  }
}

/** `limit` and `offset` of one list call within the API's documented range. */
export function checkListRange(query: { limit?: number; offset?: number }, range: ListRange): void {
  checkIntegerRange('limit', query.limit, range.minLimit, range.maxLimit);
  checkIntegerRange('offset', query.offset, 0, range.maxOffset);
}

export function checkMaxLength(name: string, value: string | undefined, max: number): void {
  if (value !== undefined && value.length > max) {
    throw new TypeError(`${name} must be at most ${max} characters, got ${value.length}`);
  }
}
