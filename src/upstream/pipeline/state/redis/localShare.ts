/**
 * A replica's share of one API's budget while Redis is away: N replicas deciding alone must still never
 * admit more than `limit.calls` in any sliding window of `limit.windowMs`, across the fleet.
 *
 * - N ≤ calls: `floor(calls / N)` per window each; N such shares sum to at most `calls` in every window.
 * - N > calls: a share below one call per window cannot be a longer local window (every replica could
 *   still spend its one call at the same moment). So the replicas take turns by the clock: they form
 *   k = ⌈N / calls⌉ groups (group = rank mod k, rank = this replica's place among the live replica ids,
 *   the same order on every replica), each group of at most `calls` replicas. A turn lasts two windows;
 *   a group admits during the first (one call per replica) and nobody admits during the second. Any
 *   window then overlaps one group's admitting time only: at most `calls` calls. Each replica gets one
 *   call per 2k windows.
 * - N > calls and no rank known (the replica never reached Redis): no turn is safe, so no local calls;
 *   what the cache holds is still served.
 *
 * Turns follow wall-clock time, as every host keeps it (NTP): a skew between hosts eats into the silent
 * window and the window's margin.
 */
import type { WindowLimit } from '../contracts';

export interface LocalShare {
  /** Admissions this replica may make in any window of `limit.windowMs` (0: none). */
  limit: WindowLimit;
  /** Milliseconds until this replica may admit again (0: now; Infinity: not while Redis is away). */
  waitMs: number;
}

export function localShare(
  limit: WindowLimit,
  liveReplicas: number,
  rank: number | undefined,
  now: number,
): LocalShare {
  const replicas = Math.max(1, Math.floor(liveReplicas));
  if (replicas <= limit.calls) {
    return { limit: { calls: Math.floor(limit.calls / replicas), windowMs: limit.windowMs }, waitMs: 0 };
  }
  if (rank === undefined) return { limit: { calls: 0, windowMs: limit.windowMs }, waitMs: Infinity };
  const groups = Math.ceil(replicas / limit.calls);
  const turnMs = 2 * limit.windowMs;
  const cycleMs = groups * turnMs;
  const turnStart = (rank % groups) * turnMs;
  const position = ((now % cycleMs) + cycleMs) % cycleMs;
  const intoTurn = position - turnStart;
  const waitMs =
    intoTurn >= 0 && intoTurn < limit.windowMs ? 0 : (((turnStart - position) % cycleMs) + cycleMs) % cycleMs;
  return { limit: { calls: 1, windowMs: limit.windowMs }, waitMs };
}
