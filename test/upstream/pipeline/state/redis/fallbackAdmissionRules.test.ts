/** The fallback's rules with a scripted shared window and a fake clock (the real-Redis test is beside it). */
import type {
  Admission,
  QuotaUsage,
  WindowLimit,
} from '../../../../../src/upstream/pipeline/state/contracts';
import {
  FallbackAdmissionWindow,
  type ReplayableAdmissionWindow,
} from '../../../../../src/upstream/pipeline/state/redis/fallbackAdmissionWindow';

const LIMIT: WindowLimit = { calls: 5, windowMs: 60_000 };

/** A shared window that admits everything, or fails every call while `down`. */
class ScriptedSharedWindow implements ReplayableAdmissionWindow {
  down = false;
  admitted = 0;
  recorded: { api: string; agesMs: readonly number[] }[] = [];
  paused: string[] = [];
  completed: string[] = [];

  private check(): void {
    if (this.down) throw new Error('Command timed out');
  }
  async tryAdmit(): Promise<Admission> {
    this.check();
    this.admitted += 1;
    return { admitted: true, ticket: `shared-${this.admitted}` };
  }
  async complete(_api: string, ticket: string): Promise<void> {
    this.check();
    this.completed.push(ticket);
  }
  async pause(api: string): Promise<void> {
    this.check();
    this.paused.push(api);
  }
  async usage(_api: string, limit: WindowLimit): Promise<QuotaUsage> {
    this.check();
    return { limit: limit.calls, used: 0, remaining: limit.calls, nextSlotInMs: 0, pausedForMs: 0 };
  }
  async record(api: string, _windowMs: number, agesMs: readonly number[]): Promise<void> {
    this.check();
    this.recorded.push({ api, agesMs });
  }
}

function setup(liveReplicas = 3) {
  let now = 1_000_000;
  const shared = new ScriptedSharedWindow();
  const modes: string[] = [];
  const window = new FallbackAdmissionWindow({
    shared,
    liveReplicas: () => liveReplicas,
    probeIntervalMs: 1_000,
    now: () => now,
    onModeChange: (mode) => modes.push(mode),
  });
  return { shared, window, modes, advance: (ms: number) => (now += ms) };
}

const admittedCount = async (window: FallbackAdmissionWindow, calls: number, reserve = 0) => {
  let admitted = 0;
  for (let k = 0; k < calls; k += 1)
    if ((await window.tryAdmit('hss', LIMIT, reserve)).admitted) admitted += 1;
  return admitted;
};

describe('FallbackAdmissionWindow rules', () => {
  it('takes floor(calls / liveReplicas) per window as the local share (more replicas than calls: localShare.test.ts)', () => {
    expect(setup(1).window.localLimit(LIMIT).calls).toBe(5);
    expect(setup(2).window.localLimit(LIMIT).calls).toBe(2);
    expect(setup(3).window.localLimit(LIMIT).calls).toBe(1);
    expect(setup(5).window.localLimit(LIMIT).calls).toBe(1);
    expect(setup(2).window.localLimit({ calls: 12_000, windowMs: 60_000 })).toEqual({
      calls: 6_000,
      windowMs: 60_000,
    });
  });

  it('counts what it admitted through Redis against its share once Redis is gone', async () => {
    const { shared, window, modes } = setup(2);
    expect(await admittedCount(window, 1)).toBe(1); // shared
    shared.down = true;
    // Share 2, one already used in this window through Redis: one more locally, then refused.
    expect(await admittedCount(window, 3)).toBe(1);
    expect(window.mode).toBe('local-fallback');
    expect(modes).toEqual(['local-fallback']);
    const usage = await window.usage('hss', LIMIT);
    expect(usage).toMatchObject({ limit: 2, used: 2, remaining: 0 });
  });

  it('probes Redis at most once per interval, and replays local admissions before going shared', async () => {
    const { shared, window, modes, advance } = setup(1);
    shared.down = true;
    expect(await admittedCount(window, 2)).toBe(2);
    const probesBefore = shared.admitted;
    shared.down = false;
    advance(500); // within the probe interval: still local, Redis not asked
    expect(await admittedCount(window, 1)).toBe(1);
    expect(window.mode).toBe('local-fallback');
    expect(shared.admitted).toBe(probesBefore);

    advance(600);
    expect(await admittedCount(window, 1)).toBe(1);
    expect(window.mode).toBe('shared');
    expect(modes).toEqual(['local-fallback', 'shared']);
    // The three local admissions went to the shared window, with their ages.
    expect(shared.recorded).toEqual([{ api: 'hss', agesMs: [1_100, 1_100, 600] }]);
    expect(shared.admitted).toBe(probesBefore + 1);
  });

  it('shrinks the interactive reserve with the share', async () => {
    const { shared, window } = setup(1);
    shared.down = true;
    // Share 5, reserve 2: background calls get 3.
    expect(await admittedCount(window, 5, 2)).toBe(3);
    const { shared: sharedB, window: windowB } = setup(3);
    sharedB.down = true;
    // Share 1, reserve 1 → 1: background calls wait; interactive ones get the slot.
    expect(await admittedCount(windowB, 1, 1)).toBe(0);
    expect(await admittedCount(windowB, 1, 0)).toBe(1);
  });

  it('keeps a 429 pause locally as well as in Redis', async () => {
    const { shared, window } = setup(1);
    await window.pause('hss', 10_000);
    expect(shared.paused).toEqual(['hss']);
    shared.down = true;
    const refused = await window.tryAdmit('hss', LIMIT, 0);
    expect(refused).toMatchObject({ admitted: false, reason: 'paused' });
  });

  it('replays only the admissions still inside the window after a long outage', async () => {
    const { shared, window, advance } = setup(1);
    shared.down = true;
    for (let minute = 0; minute < 30; minute += 1) {
      if (minute > 0) advance(LIMIT.windowMs);
      expect(await admittedCount(window, 6)).toBe(5);
    }
    shared.down = false;
    advance(1_000); // a probe is due
    await window.tryAdmit('hss', LIMIT, 0);
    expect(shared.recorded).toEqual([{ api: 'hss', agesMs: [1_000, 1_000, 1_000, 1_000, 1_000] }]);
  });

  it('keeps to its local share for one window (plus the grace) after rejoining', async () => {
    const { shared, window, advance } = setup(3); // share 1 of 5
    shared.down = true;
    expect(await admittedCount(window, 2)).toBe(1);
    shared.down = false;
    advance(1_000);
    // Rejoined, but the others may still be admitting locally: only this replica's share for now.
    expect(await admittedCount(window, 3)).toBe(0);
    expect(window.mode).toBe('shared');
    advance(LIMIT.windowMs);
    expect(await admittedCount(window, 3)).toBe(1);
    // One window plus the grace after rejoining: the shared window alone decides.
    advance(5_000);
    expect(await admittedCount(window, 3)).toBe(3);
  });

  it('completes an admission where it was recorded', async () => {
    const { shared, window } = setup(1);
    const viaRedis = await window.tryAdmit('hss', LIMIT, 0);
    if (!viaRedis.admitted) throw new Error('expected an admission');
    await window.complete('hss', viaRedis.ticket);
    expect(shared.completed).toEqual(['shared-1']);
    shared.down = true;
    const local = await window.tryAdmit('hss', LIMIT, 0);
    if (!local.admitted) throw new Error('expected an admission');
    await window.complete('hss', local.ticket); // local only: Redis is not asked
    expect(shared.completed).toEqual(['shared-1']);
    await window.complete('hss', 'not-a-ticket');
  });
});
