import { startRedisSharedState } from '../../../../../src/upstream/pipeline/state/redis/startRedisSharedState';
import { RedisServer } from '../../../../support/redisServer';

const CONFIG = { commandTimeoutMs: 300, cacheMaxValueBytes: 64 * 1024, expectedReplicas: 1 };
const LIMIT = { calls: 5, windowMs: 60_000 };

describe('startRedisSharedState', () => {
  let server: RedisServer;

  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('gives two replicas one window, one cache and one presence, under the project’s prefix', async () => {
    const start = (replicaId: string) =>
      startRedisSharedState({ config: { ...CONFIG, url: server.url }, projectId: 'proj1', replicaId });
    const a = await start('a');
    const b = await start('b');
    try {
      expect(a.keyPrefix).toBe('hwc-gw:proj1:');
      expect(await b.heartbeat.beatOnce()).toBe(2);
      for (let k = 0; k < 3; k += 1)
        expect((await a.admissionWindow.tryAdmit('hss', LIMIT, 0)).admitted).toBe(true);
      expect((await b.admissionWindow.usage('hss', LIMIT)).used).toBe(3);
      expect(a.admissionWindow.mode).toBe('shared');

      const entry = {
        result: { status: 200, headers: {}, body: 1 },
        storedAt: 0,
        freshUntil: 1,
        staleUntil: 2,
        tags: [],
      };
      await a.cacheStore.set('k', entry, 10_000);
      expect(await b.cacheStore.get('k')).toEqual(entry);

      expect(await a.inflightLeases.acquire('call', 5_000)).toBe(true);
      const waiting = b.inflightLeases.waitFor('call', 5_000);
      await a.inflightLeases.publish('call', { failed: true });
      expect(await waiting).toEqual({ failed: true });
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('starts without Redis, decides locally, and reports the outage once', async () => {
    const down = await RedisServer.start();
    await down.kill(); // a port nobody answers on
    const changes: string[] = [];
    const modes: string[] = [];
    const state = await startRedisSharedState({
      config: { ...CONFIG, url: down.url, keyPrefix: 'solo:' },
      projectId: 'ignored',
      readyTimeoutMs: 200,
      onConnectionChange: (change) => changes.push(change),
      onModeChange: (mode) => modes.push(mode),
    });
    try {
      expect(state.keyPrefix).toBe('solo:');
      expect((await state.admissionWindow.tryAdmit('hss', LIMIT, 0)).admitted).toBe(true);
      expect(state.admissionWindow.mode).toBe('local-fallback');
      expect(modes).toEqual(['local-fallback']);
      await expect(state.cacheStore.get('k')).rejects.toThrow();
      expect(changes).toEqual(['down']);

      await down.restart();
      // Calls keep coming; once the connection is back, the next probe (at most 1 s apart) rejoins.
      const deadline = Date.now() + 10_000;
      while (state.admissionWindow.mode !== 'shared' && Date.now() < deadline) {
        await state.admissionWindow.tryAdmit('hss', LIMIT, 0);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(state.admissionWindow.mode).toBe('shared');
      // The local admissions were handed to the shared window when it rejoined.
      expect((await state.admissionWindow.usage('hss', LIMIT)).used).toBeGreaterThanOrEqual(2);
      expect(changes).toEqual(['down', 'up']);
    } finally {
      await state.close();
      await down.stop();
    }
  });
});
