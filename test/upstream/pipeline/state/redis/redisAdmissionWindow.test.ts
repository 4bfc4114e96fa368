import type { Redis } from 'ioredis';

import { RedisAdmissionWindow } from '../../../../../src/upstream/pipeline/state/redis/redisAdmissionWindow';
import { RedisServer } from '../../../../support/redisServer';
import { connectTo, sleep } from './helpers';

const LIMIT = { calls: 5, windowMs: 400 };

describe('RedisAdmissionWindow (a real redis-server)', () => {
  let server: RedisServer;
  const connections: Redis[] = [];
  let prefixCounter = 0;

  /** Windows of `replicas` replicas, each on its own connection, sharing one fresh key prefix. */
  const replicaWindows = async (replicas: number): Promise<RedisAdmissionWindow[]> => {
    const keyPrefix = `test-${(prefixCounter += 1)}:`;
    const windows: RedisAdmissionWindow[] = [];
    for (let k = 0; k < replicas; k += 1) {
      windows.push(new RedisAdmissionWindow({ redis: await connectTo(server, connections), keyPrefix }));
    }
    return windows;
  };

  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(async () => {
    connections.forEach((redis) => redis.disconnect());
    await server?.stop();
  });

  it('never admits more than the limit in any window across replicas racing for more than two windows', async () => {
    const windows = await replicaWindows(3);
    const admittedAt: number[] = [];
    const until = Date.now() + 2.6 * LIMIT.windowMs;
    const worker = async (window: RedisAdmissionWindow): Promise<void> => {
      while (Date.now() < until) {
        const admission = await window.tryAdmit('hss.listRegistryImages', LIMIT, 0);
        if (admission.admitted) admittedAt.push(admission.atMs);
        else expect(admission.retryAfterMs).toBeGreaterThan(0);
        await sleep(Math.random() * 8);
      }
    };
    // Four concurrent callers per replica.
    await Promise.all(windows.flatMap((window) => [1, 2, 3, 4].map(() => worker(window))));

    admittedAt.sort((a, b) => a - b);
    // The budget was really spent in every window (three windows started), not merely refused...
    expect(admittedAt.length).toBeGreaterThanOrEqual(3 * LIMIT.calls);
    // ...and any LIMIT.calls + 1 consecutive admissions span at least one whole window.
    for (let k = 0; k + LIMIT.calls < admittedAt.length; k += 1) {
      const span = (admittedAt[k + LIMIT.calls] as number) - (admittedAt[k] as number);
      expect(span).toBeGreaterThanOrEqual(LIMIT.windowMs - 0.01);
    }
  });

  it('counts simultaneous admissions separately (unique members)', async () => {
    const [a, b] = (await replicaWindows(2)) as [RedisAdmissionWindow, RedisAdmissionWindow];
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, k) => (k % 2 ? a : b).tryAdmit('api', LIMIT, 0)),
    );
    expect(results.filter((result) => result.admitted)).toHaveLength(LIMIT.calls);
    expect((await a.usage('api', LIMIT)).used).toBe(LIMIT.calls);
  });

  it('keeps the reserve for interactive calls and says when the next slot frees', async () => {
    // A longer window than the race above, so a loaded machine cannot let it slide mid-test.
    const LIMIT = { calls: 5, windowMs: 2_000 };
    const [replicaA, replicaB] = (await replicaWindows(2)) as [RedisAdmissionWindow, RedisAdmissionWindow];
    const background = async () => (await replicaA.tryAdmit('hss.listImageApps', LIMIT, 2)).admitted;
    expect([await background(), await background(), await background(), await background()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    // Interactive calls on another replica still get the two reserved slots, then nothing.
    expect((await replicaB.tryAdmit('hss.listImageApps', LIMIT, 0)).admitted).toBe(true);
    expect((await replicaB.tryAdmit('hss.listImageApps', LIMIT, 0)).admitted).toBe(true);
    const refused = await replicaB.tryAdmit('hss.listImageApps', LIMIT, 0);
    expect(refused).toMatchObject({ admitted: false, reason: 'budget' });
    if (refused.admitted) throw new Error('unreachable');
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(LIMIT.windowMs);
    const usage = await replicaA.usage('hss.listImageApps', LIMIT);
    expect(usage).toMatchObject({ limit: 5, used: 5, remaining: 0, pausedForMs: 0 });
    expect(usage.nextSlotInMs).toBeGreaterThan(0);
    // A call that can never fit (reserve ≥ limit) is refused, not admitted.
    expect((await replicaA.tryAdmit('other', LIMIT, 5)).admitted).toBe(false);

    await sleep(refused.retryAfterMs + 5);
    expect((await replicaA.tryAdmit('hss.listImageApps', LIMIT, 0)).admitted).toBe(true);
  });

  it('shares a 429 pause across replicas, never shortens it, and lets it expire', async () => {
    const [replicaA, replicaB] = (await replicaWindows(2)) as [RedisAdmissionWindow, RedisAdmissionWindow];
    await replicaA.pause('hss.listRegistryImages', 1_000);
    await replicaB.pause('hss.listRegistryImages', 50); // shorter: ignored
    const refused = await replicaB.tryAdmit('hss.listRegistryImages', LIMIT, 0);
    expect(refused).toMatchObject({ admitted: false, reason: 'paused' });
    if (refused.admitted) throw new Error('unreachable');
    expect(refused.retryAfterMs).toBeGreaterThan(100); // 50 would mean the shorter pause won
    expect(refused.retryAfterMs).toBeLessThanOrEqual(1_000);
    expect((await replicaB.usage('hss.listRegistryImages', LIMIT)).pausedForMs).toBeGreaterThan(50);
    // Other APIs are not paused.
    expect((await replicaB.tryAdmit('hss.listImageApps', LIMIT, 0)).admitted).toBe(true);

    await sleep(refused.retryAfterMs + 5);
    expect((await replicaA.tryAdmit('hss.listRegistryImages', LIMIT, 0)).admitted).toBe(true);
  });

  it('leaves no key without a TTL, and replayed admissions count in the shared window', async () => {
    const [window] = (await replicaWindows(1)) as [RedisAdmissionWindow];
    const redis = connections[connections.length - 1] as Redis;
    const prefix = `test-${prefixCounter}:`;
    await window.tryAdmit('api', LIMIT, 0);
    await window.pause('api', 1000);
    const keys = await redis.keys(`${prefix}*`);
    expect(keys).toHaveLength(2);
    for (const key of keys) {
      const ttl = await redis.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(1000);
    }

    // Three local admissions 10, 50 and 5000 ms ago: the last is outside the window and dropped.
    await window.record('replayed', LIMIT.windowMs, [10, 50, 5000]);
    expect((await window.usage('replayed', LIMIT)).used).toBe(2);
  });

  it('holds a completed admission’s slot until one window after its answer', async () => {
    const [window] = (await replicaWindows(1)) as [RedisAdmissionWindow];
    const limit = { calls: 1, windowMs: 300 };
    const admission = await window.tryAdmit('slow', limit, 0);
    if (!admission.admitted) throw new Error('expected an admission');
    await sleep(200); // the call takes 200 ms to answer
    await window.complete('slow', admission.ticket);
    await sleep(150); // 350 ms after admission, 150 ms after the answer: still held
    expect(await window.tryAdmit('slow', limit, 0)).toMatchObject({ admitted: false, reason: 'budget' });
    await sleep(200);
    expect((await window.tryAdmit('slow', limit, 0)).admitted).toBe(true);
    await window.complete('slow', 'garbage'); // not one of ours: ignored
  });
});
