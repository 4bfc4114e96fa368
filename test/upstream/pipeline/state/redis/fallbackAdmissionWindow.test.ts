import type { Redis } from 'ioredis';

import {
  FallbackAdmissionWindow,
  type AdmissionMode,
} from '../../../../../src/upstream/pipeline/state/redis/fallbackAdmissionWindow';
import { RedisAdmissionWindow } from '../../../../../src/upstream/pipeline/state/redis/redisAdmissionWindow';
import { RedisReplicaPresence } from '../../../../../src/upstream/pipeline/state/redis/redisReplicaPresence';
import { ReplicaHeartbeat } from '../../../../../src/upstream/pipeline/state/redis/replicaHeartbeat';
import { RedisServer } from '../../../../support/redisServer';
import { busiestWindow, connectTo, sleep } from './helpers';

const LIMIT = { calls: 6, windowMs: 400 };
const API = 'hss.listRegistryImages';

interface Replica {
  window: FallbackAdmissionWindow;
  heartbeat: ReplicaHeartbeat;
  modes: AdmissionMode[];
  /** Admission times (this machine's clock) and the mode each was decided in. */
  admitted: { at: number; mode: AdmissionMode }[];
}

/**
 * Windows as the test measures them: the time is taken when `tryAdmit` resolves, a few ms (more on a
 * loaded machine) after the window recorded it, so two admissions a full window apart can look closer.
 */
const MEASURED_WINDOW_MS = LIMIT.windowMs - 25;

describe('FallbackAdmissionWindow (a real redis-server killed and restarted)', () => {
  let server: RedisServer;
  const connections: Redis[] = [];

  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(async () => {
    connections.forEach((redis) => redis.disconnect());
    await server?.stop();
  });

  it('keeps admitting within each replica’s 1/N share while Redis is down, and returns to shared mode', async () => {
    const replicas: Replica[] = [];
    for (let k = 0; k < 3; k += 1) {
      const redis = await connectTo(server, connections, 200);
      const heartbeat = new ReplicaHeartbeat({
        presence: new RedisReplicaPresence({ redis, keyPrefix: 'fallback:' }),
        replicaId: `replica-${k}`,
        intervalMs: 100,
      });
      const modes: AdmissionMode[] = [];
      const window = new FallbackAdmissionWindow({
        shared: new RedisAdmissionWindow({ redis, keyPrefix: 'fallback:' }),
        liveReplicas: () => heartbeat.liveReplicas,
        probeIntervalMs: 100,
        onModeChange: (mode) => modes.push(mode),
      });
      replicas.push({ window, heartbeat, modes, admitted: [] });
    }
    for (const { heartbeat } of replicas) await heartbeat.start();
    for (const { heartbeat } of replicas) await heartbeat.beatOnce();
    expect(replicas.map(({ heartbeat }) => heartbeat.liveReplicas)).toEqual([3, 3, 3]);
    expect(replicas[0]?.window.localLimit(LIMIT)).toEqual({ calls: 2, windowMs: 400 });

    let running = true;
    let rejoined: boolean | undefined;
    const worker = async (replica: Replica): Promise<void> => {
      while (running) {
        const mode = replica.window.mode;
        const admission = await replica.window.tryAdmit(API, LIMIT, 0);
        if (admission.admitted) replica.admitted.push({ at: Date.now(), mode: replica.window.mode ?? mode });
        await sleep(5 + Math.random() * 10);
      }
    };
    const workers = replicas.flatMap((replica) => [worker(replica), worker(replica)]);
    let killedAt = 0;
    try {
      await sleep(LIMIT.windowMs); // shared
      await server.kill();
      killedAt = Date.now();
      await sleep(2.5 * LIMIT.windowMs); // Redis down: local shares
      expect(replicas.map(({ window }) => window.mode)).toEqual([
        'local-fallback',
        'local-fallback',
        'local-fallback',
      ]);
      await server.restart();
      // Back: shared again without restarting the replicas, once each has reconnected (backoff) and probed.
      const deadline = Date.now() + 15_000;
      while (replicas.some(({ window }) => window.mode !== 'shared') && Date.now() < deadline)
        await sleep(50);
      rejoined = replicas.every(({ window }) => window.mode === 'shared');
    } finally {
      running = false;
      await Promise.all(workers);
      replicas.forEach(({ heartbeat }) => heartbeat.stop());
    }

    expect(rejoined).toBe(true);
    for (const replica of replicas) {
      // Down when Redis died, then shared again (a loaded machine may add a timeout blip in between).
      expect(replica.modes[0]).toBe('local-fallback');
      expect(replica.modes).toContain('shared');
      const local = replica.admitted.filter(({ mode }) => mode === 'local-fallback').map(({ at }) => at);
      // Still admitting while Redis was away, never more than this replica's share (2 of 6) per window.
      expect(local.length).toBeGreaterThanOrEqual(2);
      expect(busiestWindow(local, MEASURED_WINDOW_MS)).toBeLessThanOrEqual(2);
      // It did use Redis before and after.
      expect(replica.admitted.filter(({ mode }) => mode === 'shared').length).toBeGreaterThan(0);
    }
    // The fleet as a whole: within the limit in every window from one window after the kill (by then
    // only local shares count) through the rejoin (each replica keeps its share until the others are back).
    const fleet = replicas
      .flatMap(({ admitted }) => admitted.map(({ at }) => at))
      .filter((at) => at >= killedAt + LIMIT.windowMs);
    expect(busiestWindow(fleet, MEASURED_WINDOW_MS)).toBeLessThanOrEqual(LIMIT.calls);
    // Shared mode again, with the local admissions handed over: one fleet-wide window in Redis.
    const usage = await replicas[0]!.window.usage(API, LIMIT);
    expect(usage.used).toBeLessThanOrEqual(LIMIT.calls);
  });

  it('falls back when Redis hangs (command timeout) and rejoins when it answers again', async () => {
    const redis = await connectTo(server, connections, 1_000);
    const window = new FallbackAdmissionWindow({
      shared: new RedisAdmissionWindow({ redis, keyPrefix: 'frozen:' }),
      liveReplicas: () => 2,
      probeIntervalMs: 100,
    });
    const limit = { calls: 4, windowMs: 60_000 };
    expect((await window.tryAdmit(API, limit, 0)).admitted).toBe(true);
    server.freeze();
    try {
      // Share 2 of 4, one already used through Redis: one more, then refused; never stuck waiting.
      expect((await window.tryAdmit(API, limit, 0)).admitted).toBe(true);
      expect(window.mode).toBe('local-fallback');
      expect((await window.tryAdmit(API, limit, 0)).admitted).toBe(false);
    } finally {
      server.thaw();
    }
    await sleep(100); // the probe interval
    // Rejoined; for one window its share (spent) still applies, as other replicas may still be local.
    expect(await window.tryAdmit(API, limit, 0)).toMatchObject({ admitted: false, reason: 'budget' });
    expect(window.mode).toBe('shared');
    // Redis now holds the shared admission and the local one replayed; plus, possibly, the admission
    // that timed out, which the woken server still ran (counted twice: the safe side).
    const { used } = await window.usage(API, limit);
    expect(used).toBeGreaterThanOrEqual(2);
    expect(used).toBeLessThanOrEqual(3);
  });
});
