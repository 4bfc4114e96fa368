import type { RunningSimulator } from '../../src/simulator';
import { call, hss, startWithToken } from './helpers';

describe('simulator HTTP control API (/__simulator/)', () => {
  let sim: RunningSimulator;
  let token: string;
  beforeAll(async () => {
    ({ sim, token } = await startWithToken());
  });
  afterAll(() => sim.stop());

  const control = (path: string, method: 'GET' | 'POST' | 'DELETE' = 'GET', body?: unknown) =>
    call(sim, `/__simulator/${path}`, {
      method,
      body,
      rawBody: method !== 'GET' && body === undefined ? '' : undefined,
    });

  it('reports info without a token', async () => {
    const info = await control('info');
    expect(info.status).toBe(200);
    expect(info.json).toMatchObject({
      ok: true,
      url: sim.url,
      region: sim.region,
      projectId: sim.projectId,
      credentials: sim.credentials,
      imageCount: 300,
      rateLimits: { enabled: false, perMinute: 5 },
    });
    expect(info.json.summary.images).toBe(300);
  });

  it('reads and resets call counts', async () => {
    await control('calls/reset', 'POST');
    await call(sim, hss(sim, '/image/apps'), { token });
    const calls = await control('calls');
    expect(calls.json).toEqual({ ok: true, counts: { 'hss.listGlobalImageApps': 1 }, total: 1 });
    await control('calls/reset', 'POST');
    expect((await control('calls')).json.total).toBe(0);
  });

  it('injects and clears faults', async () => {
    const injected = await control('faults', 'POST', {
      route: 'hss.listGlobalImageApps',
      fault: { kind: 'status', status: 503 },
      times: 1,
    });
    expect(injected.json).toEqual({ ok: true });
    expect((await call(sim, hss(sim, '/image/apps'), { token })).status).toBe(503);
    await control('faults', 'POST', { route: '*', fault: { kind: 'status', status: 500 } });
    await control('faults', 'DELETE');
    expect((await call(sim, hss(sim, '/image/apps'), { token })).status).toBe(200);
  });

  it('sets latency', async () => {
    await control('latency', 'POST', { route: '*', latency: { fixedMs: 120 } });
    const started = Date.now();
    await call(sim, `/v2/${sim.projectId}/images`, { token });
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    await control('latency', 'POST', { route: '*', latency: null });
  });

  it('toggles rate limits', async () => {
    expect((await control('rate-limits', 'POST', { enabled: true })).json).toEqual({
      ok: true,
      enabled: true,
      perMinute: 5,
    });
    expect(sim.control.rateLimitsEnabled()).toBe(true);
    expect((await control('rate-limits', 'POST', { perMinute: 3 })).json.perMinute).toBe(3);
    expect((await control('rate-limits', 'POST', false)).json.enabled).toBe(false);
    expect((await control('rate-limits')).json).toEqual({ ok: true, enabled: false, perMinute: 5 });
  });

  // Runs last among token users: it invalidates `token`.
  it('revokes tokens and sets the token TTL', async () => {
    expect((await control('tokens/ttl', 'POST', { ttlMs: 3_600_000 })).json).toEqual({ ok: true });
    await control('tokens/revoke', 'POST');
    const answer = await call(sim, `/v2/${sim.projectId}/images`, { token });
    expect(answer.json.error_code).toBe('APIGW.0307');
  });

  it('answers 400 to bad bodies and 404 to unknown actions', async () => {
    expect((await control('faults', 'POST', { route: 'nope', fault: { kind: 'hang' } })).status).toBe(400);
    expect((await control('faults', 'POST', { route: '*', fault: { kind: 'explode' } })).status).toBe(400);
    expect((await control('tokens/ttl', 'POST', {})).status).toBe(400);
    expect((await call(sim, '/__simulator/faults', { method: 'POST', rawBody: '{oops' })).status).toBe(400);
    expect((await control('nothing')).status).toBe(404);
  });
});
