import type { Redis } from 'ioredis';

import type { ReplicaPresence } from '../../../../../src/upstream/pipeline/state/contracts';
import { RedisReplicaPresence } from '../../../../../src/upstream/pipeline/state/redis/redisReplicaPresence';
import { ReplicaHeartbeat } from '../../../../../src/upstream/pipeline/state/redis/replicaHeartbeat';
import { RedisServer } from '../../../../support/redisServer';
import { connectTo, sleep } from './helpers';

describe('RedisReplicaPresence (a real redis-server)', () => {
  let server: RedisServer;
  const connections: Redis[] = [];

  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(async () => {
    connections.forEach((redis) => redis.disconnect());
    await server?.stop();
  });

  it('counts the replicas that keep beating, forgets one that stops, and expires its key', async () => {
    const presence = async () =>
      new RedisReplicaPresence({ redis: await connectTo(server, connections), keyPrefix: 'p1:' });
    const [a, b, c] = [await presence(), await presence(), await presence()];
    expect(await c.beat('c', 200)).toEqual({ live: 1, rank: 0 });
    expect(await a.beat('a', 200)).toEqual({ live: 2, rank: 0 });
    expect(await b.beat('b', 200)).toEqual({ live: 3, rank: 1 });
    // a beat again: still three; ranks follow the ids' order, the same on every replica
    expect(await a.beat('a', 200)).toEqual({ live: 3, rank: 0 });
    expect(await c.beat('c', 200)).toEqual({ live: 3, rank: 2 });
    await sleep(120);
    await a.beat('a', 200);
    await b.beat('b', 200);
    await sleep(120); // c's presence (200 ms) has run out
    expect(await a.beat('a', 200)).toEqual({ live: 2, rank: 0 });
    expect(await b.beat('b', 200)).toEqual({ live: 2, rank: 1 });
    const ttl = await connections[0]!.pttl('p1:replicas');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(200);
    // Other deployments (prefixes) are counted apart.
    expect(
      await new RedisReplicaPresence({ redis: connections[0]!, keyPrefix: 'p2:' }).beat('a', 200),
    ).toEqual({
      live: 1,
      rank: 0,
    });
  });
});

describe('ReplicaHeartbeat', () => {
  /** A presence whose answers the test scripts: a count, or a failure. */
  const scripted = (answers: (number | Error)[]): ReplicaPresence => ({
    beat: async () => {
      const answer = answers.shift();
      if (answer === undefined || answer instanceof Error) throw answer ?? new Error('no answer');
      return { live: answer, rank: 0 };
    },
  });

  it('keeps the last count through failed beats, and does not trust a low count right after Redis returns', async () => {
    let now = 0;
    const errors: unknown[] = [];
    const heartbeat = new ReplicaHeartbeat({
      presence: scripted([
        3,
        new Error('Connection is closed.'),
        new Error('Connection is closed.'),
        1,
        2,
        3,
        3,
        2,
        2,
      ]),
      intervalMs: 100,
      expectedReplicas: 2,
      now: () => now,
      onError: (error) => errors.push(error),
    });
    expect(heartbeat.liveReplicas).toBe(2); // nothing seen yet: the expected count
    expect(await heartbeat.beatOnce()).toBe(3);
    now += 1_000;
    expect(await heartbeat.beatOnce()).toBe(3); // Redis away: the last count stands
    now += 1_000;
    expect(await heartbeat.beatOnce()).toBe(3);
    expect(errors).toHaveLength(2);
    now += 100;
    expect(await heartbeat.beatOnce()).toBe(3); // Redis back (restarted empty): sees 1, keeps 3
    now += 100;
    expect(await heartbeat.beatOnce()).toBe(3);
    now += 100;
    expect(await heartbeat.beatOnce()).toBe(3);
    now += 100;
    expect(await heartbeat.beatOnce()).toBe(3);
    // A replica left: the count drops once the higher counts are a whole presence lifetime (300 ms) behind.
    now += 100;
    expect(await heartbeat.beatOnce()).toBe(3);
    for (let k = 0; k < 4; k += 1) now += 100;
    expect(await heartbeat.beatOnce()).toBe(2);
    expect(heartbeat.presenceTtlMs).toBe(300);
  });

  it('assumes the expected count (never 1) until a beat reaches Redis, then trusts what it saw', async () => {
    const heartbeat = new ReplicaHeartbeat({
      presence: scripted([new Error('connect ECONNREFUSED'), new Error('connect ECONNREFUSED'), 2, 5]),
      intervalMs: 100,
      expectedReplicas: 4,
      onError: () => undefined,
    });
    expect(heartbeat.liveReplicas).toBe(4);
    expect(heartbeat.rank).toBeUndefined();
    expect(await heartbeat.beatOnce()).toBe(4); // Redis down since start
    expect(await heartbeat.beatOnce()).toBe(4);
    expect(heartbeat.rank).toBeUndefined();
    expect(await heartbeat.beatOnce()).toBe(2); // seen: two live, fewer than expected
    expect(heartbeat.rank).toBe(0);
    expect(await heartbeat.beatOnce()).toBe(5);
    expect(new ReplicaHeartbeat({ presence: scripted([]) }).liveReplicas).toBe(3); // the documented default
  });
});
