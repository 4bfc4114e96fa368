import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What one client request cost upstream and what it was served instead. The server opens a tally per
 * request; the HTTP core counts requests sent, the quota limiter its refusals and queued warm-ups, the
 * cache the older values it served. A call that joined another request's in-flight call, or was served
 * from cache, sends nothing and counts nothing.
 */
export interface UpstreamCallTally {
  /** Upstream HTTP requests sent (each retry attempt counts). */
  requests: number;
  /** The same, per API. */
  requestsByApi: Record<string, number>;
  /** Calls the quota refused, per API. */
  refusedByApi: Record<string, number>;
  /** Refused calls queued to warm the cache. */
  queued: number;
  /** Older values served because a call could not be made. */
  stale: StaleServe[];
  /**
   * What the answer is built from, for the response cache: upstream answers used (from cache or fresh),
   * the earliest moment one of them stops being fresh (0: one must not be reused at all, e.g. an uncached
   * call or live quota figures), and their cache tags.
   */
  answers: { used: number; freshUntil: number; tags: Set<string> };
  /** Answered whole from the response cache: nothing below the GraphQL layer ran. */
  fromResponseCache: boolean;
}

export interface StaleServe {
  api: string;
  ageMs: number;
  /** The error code of the call that could not be made (UPSTREAM_RATE_LIMITED, UPSTREAM_UNAVAILABLE, …). */
  reason: string;
}

const activeTally = new AsyncLocalStorage<UpstreamCallTally>();

/** Runs `work` with a fresh tally active (it keeps counting calls that land after `work` settles). */
export function withUpstreamCallTally<T>(work: () => T): T {
  return activeTally.run(
    {
      requests: 0,
      requestsByApi: {},
      refusedByApi: {},
      queued: 0,
      stale: [],
      answers: { used: 0, freshUntil: Infinity, tags: new Set() },
      fromResponseCache: false,
    },
    work,
  );
}

/** The tally of the request this code runs for, if any. */
export function currentUpstreamCallTally(): UpstreamCallTally | undefined {
  return activeTally.getStore();
}

export function countUpstreamRequest(api: string): void {
  const tally = activeTally.getStore();
  if (!tally) return;
  tally.requests += 1;
  tally.requestsByApi[api] = (tally.requestsByApi[api] ?? 0) + 1;
}

export function countQuotaRefusal(api: string, queued: boolean): void {
  const tally = activeTally.getStore();
  if (!tally) return;
  tally.refusedByApi[api] = (tally.refusedByApi[api] ?? 0) + 1;
  if (queued) tally.queued += 1;
}

export function countStaleServe(serve: StaleServe): void {
  activeTally.getStore()?.stale.push(serve);
}

/**
 * An upstream answer went into this request's response: fresh until `freshUntil` (0: not reusable),
 * invalidated with `tags`.
 */
export function countAnswerUsed(freshUntil: number, tags: readonly string[]): void {
  const answers = activeTally.getStore()?.answers;
  if (!answers) return;
  answers.used += 1;
  if (freshUntil < answers.freshUntil) answers.freshUntil = freshUntil;
  for (const tag of tags) answers.tags.add(tag);
}

/** The response carries live figures (no upstream call, but not reusable either), e.g. quota usage. */
export function countLiveData(): void {
  const answers = activeTally.getStore()?.answers;
  if (answers) answers.freshUntil = 0;
}
