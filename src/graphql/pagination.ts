/**
 * Relay connections over upstream offset/limit. A cursor is the base64url of an item's absolute offset;
 * `after` continues at the next one. One GraphQL page is exactly one upstream call, so `first` is bounded
 * by what the API accepts in one call, and a page never spans two calls.
 */
import {
  HSS_APPS_RANGE,
  HSS_REGISTRY_IMAGES_RANGE,
  HSS_VULNERABILITY_RANGE,
  SWR_SHARED_REPOS_PAGE,
  SWR_SHARED_REPOS_RANGE,
  WORKSPACE_IMAGES_RANGE,
  type ListRange,
} from '../upstream/facts';
import { userInputError } from './errors';
import type { Edge, Page } from './models';

export interface PageLimits {
  /** Largest `first` the API serves in one call. */
  maxFirst: number;
  /** Smallest `limit` the API accepts; smaller pages ask for this many and show `first`. */
  minUpstreamLimit: number;
  /** Largest `offset` the API accepts. */
  maxOffset: number;
}

/** One GraphQL page per upstream call, within the API's range (a page of 0 is never asked for). */
function pageLimitsOf(range: ListRange, maxFirst = range.maxLimit): PageLimits {
  return { maxFirst, minUpstreamLimit: Math.max(1, range.minLimit), maxOffset: range.maxOffset };
}

export const HSS_REGISTRY_IMAGES_LIMITS = pageLimitsOf(HSS_REGISTRY_IMAGES_RANGE);
export const HSS_APPS_LIMITS = pageLimitsOf(HSS_APPS_RANGE);
export const SWR_LIMITS = pageLimitsOf(SWR_SHARED_REPOS_RANGE, SWR_SHARED_REPOS_PAGE);
export const WORKSPACE_LIMITS = pageLimitsOf(WORKSPACE_IMAGES_RANGE);
/** Lists the gateway pages itself (a repository's tags as images): no upstream limit applies. */
export const LOCAL_LIMITS: PageLimits = {
  maxFirst: 200,
  minUpstreamLimit: 1,
  maxOffset: Number.MAX_SAFE_INTEGER,
};

export interface PageRequest {
  /** Absolute offset of the first item shown. */
  offset: number;
  /** Items to show. */
  first: number;
  /** `limit` to send upstream (≥ first, ≥ the API's minimum). */
  limit: number;
}

const CURSOR_PREFIX = 'o:';
const CURSOR = /^[A-Za-z0-9_-]{1,64}$/;

export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64url');
}

/** The absolute offset a cursor names; BAD_USER_INPUT unless this module produced it. */
export function decodeCursor(cursor: string): number {
  const text = CURSOR.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const digits = text.startsWith(CURSOR_PREFIX) ? text.slice(CURSOR_PREFIX.length) : '';
  const offset = /^(0|[1-9][0-9]{0,15})$/.test(digits) ? Number(digits) : NaN;
  if (!Number.isSafeInteger(offset) || encodeCursor(offset) !== cursor) {
    throw userInputError('`after` is not a cursor returned by this connection.');
  }
  return offset;
}

/** Validates `first`/`after` against the API's range and turns them into one upstream offset/limit. */
export function pageRequest(
  first: number | null | undefined,
  after: string | null | undefined,
  limits: PageLimits,
): PageRequest {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > limits.maxFirst) {
    throw userInputError(
      `\`first\` must be between 1 and ${limits.maxFirst} (one page is one upstream call).`,
    );
  }
  const offset = after === null || after === undefined ? 0 : decodeCursor(after) + 1;
  if (offset > limits.maxOffset)
    throw userInputError('`after` is beyond the end the upstream API can page to.');
  return { offset, first: size, limit: Math.max(size, limits.minUpstreamLimit) };
}

/** A page from one upstream answer: at most `first` of the items returned at `offset`. */
export function pageOf<T>(request: PageRequest, items: readonly T[], total: number): Page<T> {
  return { items: items.slice(0, request.first), offset: request.offset, total };
}

/** A page of a list the gateway holds completely (e.g. a repository's tags found in HSS). */
export function slicePage<T>(request: PageRequest, all: readonly T[]): Page<T> {
  return {
    items: all.slice(request.offset, request.offset + request.first),
    offset: request.offset,
    total: all.length,
  };
}

export function edgesOf<T>(page: Page<T>): Edge<T>[] {
  return page.items.map((node, index) => ({ cursor: encodeCursor(page.offset + index), node }));
}

export interface PageInfoModel {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export function pageInfoOf(page: Page<unknown>): PageInfoModel {
  const count = page.items.length;
  return {
    hasNextPage: page.offset + count < page.total,
    hasPreviousPage: page.offset > 0,
    startCursor: count > 0 ? encodeCursor(page.offset) : null,
    endCursor: count > 0 ? encodeCursor(page.offset + count - 1) : null,
  };
}

/** HSS vulnerability and baseline-check lists: limit 10–200, offset 0–2,000,000. */
export const HSS_VULNERABILITY_LIMITS = pageLimitsOf(HSS_VULNERABILITY_RANGE);
