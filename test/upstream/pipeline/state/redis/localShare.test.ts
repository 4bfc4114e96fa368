/**
 * The fallback share for any number of replicas: N replicas with Redis down, each deciding alone with a
 * FallbackAdmissionWindow, calling as often as they are let, never admit more than the limit in any
 * sliding window together, and each still gets calls.
 */
import type {
  Admission,
  QuotaUsage,
  WindowLimit,
} from '../../../../../src/upstream/pipeline/state/contracts';
import {
  FallbackAdmissionWindow,
  type ReplayableAdmissionWindow,
} from '../../../../../src/upstream/pipeline/state/redis/fallbackAdmissionWindow';
import { localShare } from '../../../../../src/upstream/pipeline/state/redis/localShare';
import { busiestWindow } from './helpers';

/** Redis away: every shared operation fails. */
const unreachable: ReplayableAdmissionWindow = {
  tryAdmit: (): Promise<Admission> => Promise.reject(new Error('connect ECONNREFUSED')),
  complete: () => Promise.reject(new Error('connect ECONNREFUSED')),
  pause: () => Promise.reject(new Error('connect ECONNREFUSED')),
  usage: (): Promise<QuotaUsage> => Promise.reject(new Error('connect ECONNREFUSED')),
  record: () => Promise.reject(new Error('connect ECONNREFUSED')),
};

/**
 * `replicas` replicas (ranks 0..N-1) try one call every `stepMs` for `windows` windows, starting at an
 * arbitrary clock time; returns each replica's admission times.
 */
async function simulate(
  limit: WindowLimit,
  replicas: number,
  windows: number,
  stepMs: number,
  startAt: number,
) {
  let now = startAt;
  const fleet = Array.from({ length: replicas }, (_, rank) => ({
    window: new FallbackAdmissionWindow({
      shared: unreachable,
      liveReplicas: () => replicas,
      replicaRank: () => rank,
      probeIntervalMs: Number.MAX_SAFE_INTEGER,
      now: () => now,
    }),
    admitted: [] as number[],
  }));
  for (const replica of fleet) await replica.window.tryAdmit('hss', limit, 0); // Redis found away
  for (const replica of fleet) replica.admitted = [];
  const end = startAt + windows * limit.windowMs;
  for (; now < end; now += stepMs) {
    for (const replica of fleet) {
      if ((await replica.window.tryAdmit('hss', limit, 0)).admitted) replica.admitted.push(now);
    }
  }
  return fleet.map(({ admitted }) => admitted);
}

describe('fallback share for any number of replicas', () => {
  const windowMs = 1_000;

  it.each([
    [5, 1],
    [5, 3],
    [5, 5],
    [5, 6],
    [5, 7],
    [5, 11],
    [5, 12],
    [1, 2],
    [1, 3],
    [2, 5],
    [3, 10],
  ])(
    '%i calls per window, %i replicas: the fleet stays within the limit in every window',
    async (calls, replicas) => {
      const limit = { calls, windowMs };
      const groups = Math.ceil(replicas / calls);
      const windows = 4 * groups + 3;
      // 50 ms steps, starting at an arbitrary moment of the turn cycle.
      const admitted = await simulate(limit, replicas, windows, 50, 1_700_000_000_123);
      expect(busiestWindow(admitted.flat(), windowMs)).toBeLessThanOrEqual(calls);
      // Every replica still gets calls: at least one per 2 × groups windows (and its full share when N ≤ calls).
      for (const times of admitted) {
        const perWindow = replicas <= calls ? Math.floor(calls / replicas) : 1 / (2 * groups);
        expect(times.length).toBeGreaterThanOrEqual(Math.floor((windows - 2 * groups) * perWindow));
      }
    },
  );

  it('keeps 6 replicas within 5 calls per window (a one-call share each would admit 6)', async () => {
    const admitted = await simulate({ calls: 5, windowMs }, 6, 12, 10, 42);
    expect(busiestWindow(admitted.flat(), windowMs)).toBeLessThanOrEqual(5);
    expect(admitted.flat().length).toBeGreaterThan(0);
  });

  it('gives turns by rank: first window of its two-window turn, then waits for the next cycle', () => {
    const limit = { calls: 5, windowMs };
    // 6 replicas, 5 calls: two groups (even and odd ranks), a cycle of 4 windows.
    expect(localShare(limit, 6, 0, 0)).toEqual({ limit: { calls: 1, windowMs }, waitMs: 0 });
    expect(localShare(limit, 6, 0, 999).waitMs).toBe(0);
    expect(localShare(limit, 6, 0, 1_000).waitMs).toBe(3_000); // silent window: next turn at 4 000
    expect(localShare(limit, 6, 1, 0).waitMs).toBe(2_000);
    expect(localShare(limit, 6, 1, 2_500).waitMs).toBe(0);
    expect(localShare(limit, 6, 3, 2_500).waitMs).toBe(0); // same group as rank 1
    expect(localShare(limit, 6, 1, 3_000).waitMs).toBe(3_000);
  });

  it('admits nothing locally with more replicas than calls and no rank (Redis never reached)', async () => {
    expect(localShare({ calls: 5, windowMs }, 6, undefined, 0)).toEqual({
      limit: { calls: 0, windowMs },
      waitMs: Infinity,
    });
    const window = new FallbackAdmissionWindow({ shared: unreachable, liveReplicas: () => 6 });
    expect(await window.tryAdmit('hss', { calls: 5, windowMs }, 0)).toEqual({
      admitted: false,
      retryAfterMs: windowMs,
      reason: 'budget',
    });
    // As many replicas as calls or fewer need no rank: one call per window each.
    const fewer = new FallbackAdmissionWindow({ shared: unreachable, liveReplicas: () => 5 });
    expect((await fewer.tryAdmit('hss', { calls: 5, windowMs }, 0)).admitted).toBe(true);
  });
});
