import type { Redis } from 'ioredis';

import {
  createRedisConnection,
  defaultRedisKeyPrefix,
  reconnectDelayMs,
  whenReady,
} from '../../../../../src/upstream/pipeline/state/redis/redisConnection';
import { RedisServer } from '../../../../support/redisServer';

describe('createRedisConnection (a real redis-server with a password)', () => {
  const PASSWORD = 'p@ss w0rd/with:specials';
  let server: RedisServer;
  const connections: Redis[] = [];
  const connect = (url: string, commandTimeoutMs = 300, onError?: (error: Error) => void): Redis => {
    const redis = createRedisConnection(url, { commandTimeoutMs, ...(onError && { onError }) });
    connections.push(redis);
    return redis;
  };

  beforeAll(async () => {
    server = await RedisServer.start({ password: PASSWORD });
  });
  afterAll(async () => {
    connections.forEach((redis) => redis.disconnect());
    await server?.stop();
  });

  it('authenticates with the credentials in the URL, and reports a wrong password', async () => {
    const redis = connect(server.url);
    await whenReady(redis, 5_000);
    await redis.set('k', 'v');
    expect(await redis.get('k')).toBe('v');

    const errors: Error[] = [];
    const wrong = connect(`redis://:wrong@127.0.0.1:${server.port}`, 300, (error) => errors.push(error));
    await expect(whenReady(wrong, 500)).rejects.toThrow('not ready');
    expect(errors.map((error) => error.message).join('\n')).toMatch(/WRONGPASS|invalid password/i);
  });

  it('fails a command at once while Redis is down, times out while it hangs, and reconnects by itself', async () => {
    const redis = connect(server.url, 200);
    await whenReady(redis, 5_000);

    server.freeze();
    try {
      await expect(redis.get('k')).rejects.toThrow('Command timed out');
    } finally {
      server.thaw();
    }

    await server.kill();
    // Not queued until Redis returns (that would stall every upstream call): rejected now.
    await expect(redis.get('k')).rejects.toThrow(
      /enableOfflineQueue|Connection is closed|ECONNREFUSED|max retries per request/,
    );

    await server.restart();
    await whenReady(redis, 10_000);
    await redis.set('back', '1');
    expect(await redis.get('back')).toBe('1');
  });

  it('uses TLS for rediss:// and takes user, password and database from the URL', () => {
    const redis = connect('rediss://gateway:s%40cret@127.0.0.1:1/3');
    expect(redis.options).toMatchObject({
      tls: expect.anything(),
      username: 'gateway',
      password: 's@cret',
      db: 3,
      commandTimeout: 300,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
    });
    redis.disconnect();
    expect(connect('redis://127.0.0.1:1').options.tls).toBeUndefined();
  });
});

describe('connection helpers', () => {
  it('derives the default key prefix from the project id', () => {
    expect(defaultRedisKeyPrefix('0a1b2c3d')).toBe('hwc-gw:0a1b2c3d:');
  });

  it('backs off from 50 ms to about 2 s and keeps reconnecting', () => {
    expect(reconnectDelayMs(1)).toBeGreaterThanOrEqual(50);
    expect(reconnectDelayMs(1)).toBeLessThanOrEqual(60);
    for (const attempt of [6, 50, 10_000]) {
      expect(reconnectDelayMs(attempt)).toBeGreaterThanOrEqual(1_600);
      expect(reconnectDelayMs(attempt)).toBeLessThanOrEqual(2_400);
    }
  });
});
