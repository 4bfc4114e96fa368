import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Upstream requests sent on behalf of one client request. The server opens a tally per request; the HTTP
 * core counts into whichever tally is active where the call was made. A call that joined another
 * request's in-flight call, or was served from cache, sends nothing and counts nothing.
 */
export interface UpstreamCallTally {
  requests: number;
}

const activeTally = new AsyncLocalStorage<UpstreamCallTally>();

/** Runs `work` with a fresh tally active (it keeps counting calls that land after `work` settles). */
export function withUpstreamCallTally<T>(work: () => T): T {
  return activeTally.run({ requests: 0 }, work);
}

/** The tally of the request this code runs for, if any. */
export function currentUpstreamCallTally(): UpstreamCallTally | undefined {
  return activeTally.getStore();
}

export function countUpstreamRequest(): void {
  const tally = activeTally.getStore();
  if (tally) tally.requests += 1;
}
