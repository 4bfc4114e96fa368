import type { Redis } from 'ioredis';

import type { InflightOutcome } from '../../../../../src/upstream/pipeline/state/contracts';
import { RedisInflightLeases } from '../../../../../src/upstream/pipeline/state/redis/redisInflightLeases';
import { RedisServer } from '../../../../support/redisServer';
import { connectTo, sleep } from './helpers';

const OUTCOME: InflightOutcome = {
  result: { status: 200, headers: { 'x-request-id': 'r-1' }, body: { total_num: 3, data_list: [] } },
};

describe('RedisInflightLeases (a real redis-server, several replicas)', () => {
  let server: RedisServer;
  const connections: Redis[] = [];
  const instances: RedisInflightLeases[] = [];
  let prefixCounter = 0;

  /** One instance per replica (commands + its own subscriber connection), one shared prefix. */
  const replicas = async (count: number, recheckMs?: number): Promise<RedisInflightLeases[]> => {
    const keyPrefix = `inflight-test-${(prefixCounter += 1)}:`;
    const made: RedisInflightLeases[] = [];
    for (let k = 0; k < count; k += 1) {
      const leases = new RedisInflightLeases({
        redis: await connectTo(server, connections),
        subscriber: await connectTo(server, connections),
        keyPrefix,
        ...(recheckMs !== undefined && { recheckMs }),
      });
      made.push(leases);
      instances.push(leases);
    }
    return made;
  };

  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(async () => {
    await Promise.all(instances.map((leases) => leases.close()));
    connections.forEach((redis) => redis.disconnect());
    await server?.stop();
  });

  it("hands the holder's outcome to waiters on other replicas, then frees the key", async () => {
    // recheckMs 10 s: only the pub/sub announcement can make the waiters look again within the test.
    const [holder, waiterB, waiterC] = (await replicas(3, 10_000)) as [
      RedisInflightLeases,
      RedisInflightLeases,
      RedisInflightLeases,
    ];
    expect(await holder.acquire('GET /list', 5_000)).toBe(true);
    expect(await waiterB.acquire('GET /list', 5_000)).toBe(false);
    expect(await waiterC.acquire('GET /list', 5_000)).toBe(false);
    const started = Date.now();
    const waits = [waiterB.waitFor('GET /list', 5_000), waiterC.waitFor('GET /list', 5_000)];
    await sleep(50);
    await holder.publish('GET /list', OUTCOME);
    expect(await Promise.all(waits)).toEqual([OUTCOME, OUTCOME]);
    // Heard through pub/sub, long before the lease (5 s), the recheck (10 s) or the timeout.
    expect(Date.now() - started).toBeLessThan(3_000);
    // The lease ended with the outcome: the next identical call may be made.
    expect(await waiterB.acquire('GET /list', 5_000)).toBe(true);
  });

  it('passes a failure on as a failure', async () => {
    const [holder, waiter] = (await replicas(2)) as [RedisInflightLeases, RedisInflightLeases];
    await holder.acquire('k', 5_000);
    const wait = waiter.waitFor('k', 5_000);
    await holder.publish('k', { failed: true });
    expect(await wait).toEqual({ failed: true });
  });

  it('still gives a late waiter the published outcome', async () => {
    const [holder, late] = (await replicas(2)) as [RedisInflightLeases, RedisInflightLeases];
    expect(await holder.acquire('k', 5_000)).toBe(true);
    expect(await late.acquire('k', 5_000)).toBe(false);
    await holder.publish('k', OUTCOME); // before the other replica even subscribed
    expect(await late.waitFor('k', 5_000)).toEqual(OUTCOME);
  });

  it('resolves expired when the holder dies (its lease runs out without an outcome)', async () => {
    const [holder, waiter] = (await replicas(2, 10_000)) as [RedisInflightLeases, RedisInflightLeases];
    expect(await holder.acquire('k', 200)).toBe(true);
    const started = Date.now();
    // The holder never publishes. The waiter checks again when the lease would end, not after recheckMs.
    expect(await waiter.waitFor('k', 5_000)).toBe('expired');
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(150);
    expect(waited).toBeLessThan(2_000);
    expect(await waiter.acquire('k', 5_000)).toBe(true);
  });

  it('resolves expired at the timeout while the lease still runs, and honours an abort', async () => {
    const [holder, waiter] = (await replicas(2)) as [RedisInflightLeases, RedisInflightLeases];
    await holder.acquire('slow', 10_000);
    expect(await waiter.waitFor('slow', 150)).toBe('expired');

    const controller = new AbortController();
    const wait = waiter.waitFor('slow', 5_000, controller.signal);
    setTimeout(() => controller.abort(new Error('client went away')), 50);
    await expect(wait).rejects.toThrow('client went away');
    const aborted = new AbortController();
    aborted.abort(new Error('already gone'));
    await expect(waiter.waitFor('slow', 5_000, aborted.signal)).rejects.toThrow('already gone');
  });

  it('does not hand a new call the previous call’s outcome', async () => {
    const [first, second] = (await replicas(2)) as [RedisInflightLeases, RedisInflightLeases];
    await first.acquire('k', 5_000);
    await first.publish('k', OUTCOME);
    // A new call of the same key: its waiters must wait for its own outcome.
    expect(await second.acquire('k', 5_000)).toBe(true);
    expect(await first.waitFor('k', 150)).toBe('expired');
  });

  it('hears announcements again after Redis restarts (the subscriber resubscribes by itself)', async () => {
    const [holder, waiter] = (await replicas(2, 10_000)) as [RedisInflightLeases, RedisInflightLeases];
    // Subscribe once, before the restart.
    await holder.acquire('before', 5_000);
    const first = waiter.waitFor('before', 5_000);
    await holder.publish('before', OUTCOME);
    expect(await first).toEqual(OUTCOME);

    await server.kill();
    await server.restart();
    const deadline = Date.now() + 10_000;
    while (connections.some((redis) => redis.status !== 'ready') && Date.now() < deadline) await sleep(50);
    // The resubscription follows the reconnect: wait until the server counts the waiter's subscriber.
    const channel = `inflight-test-${prefixCounter}:inflight:settled`;
    const subscribers = async () =>
      Number(((await connections[0]!.pubsub('NUMSUB', channel)) as unknown[])[1]);
    while ((await subscribers()) < 1 && Date.now() < deadline) await sleep(50);

    expect(await holder.acquire('after', 5_000)).toBe(true);
    const started = Date.now();
    const second = waiter.waitFor('after', 5_000);
    await sleep(50);
    await holder.publish('after', OUTCOME);
    expect(await second).toEqual(OUTCOME);
    // Through pub/sub: the recheck is 10 s away and the lease 5 s.
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
