import type { RunningSimulator } from '../../src/simulator';
import { startSimulator } from '../../src/simulator';
import { call, getToken, hss, REQUEST_ID, startWithToken } from './helpers';

describe('simulator faults, latency and call counters', () => {
  let sim: RunningSimulator;
  let token: string;
  beforeAll(async () => {
    ({ sim, token } = await startWithToken());
  });
  afterEach(() => {
    sim.control.clearFaults();
    sim.control.setLatency('*', null);
    sim.control.setLatency('hss.listRegistryImages', null);
  });
  afterAll(() => sim.stop());

  const images = () => call(sim, hss(sim, '/image/registries/images'), { token });
  const repos = () => call(sim, '/v2/manage/shared-repositories?center=self', { token });

  it('status fault: the given status and code, with request_id for gateway codes', async () => {
    sim.control.injectFault('hss.listRegistryImages', { kind: 'status', status: 503 }, { times: 1 });
    const faulted = await images();
    expect(faulted.status).toBe(503);
    expect(faulted.json).toEqual({
      error_code: 'APIGW.0201',
      error_msg: expect.any(String),
      request_id: faulted.headers['x-request-id'],
    });
    expect((await images()).status).toBe(200);
    sim.control.injectFault(
      'hss.listRegistryImages',
      { kind: 'status', status: 500, errorCode: 'HSS.0041', errorMsg: 'boom' },
      { times: 1 },
    );
    expect((await images()).json).toEqual({ error_code: 'HSS.0041', error_msg: 'boom' });
  });

  it('status fault on SWR uses the dual error format', async () => {
    sim.control.injectFault(
      'swr.listSharedRepositories',
      { kind: 'status', status: 500, errorCode: 'SVCSTG.SWR.5000001' },
      { times: 1 },
    );
    const answer = await repos();
    expect(answer.status).toBe(500);
    expect(answer.json.errors[0].errorCode).toBe('SVCSTG.SWR.5000001');
    expect(answer.json.error_code).toBe('SVCSTG.SWR.5000001');
  });

  it('rateLimit fault: 429 APIGW.0308 with the documented body', async () => {
    sim.control.injectFault('*', { kind: 'rateLimit' }, { times: 1 });
    const answer = await repos();
    expect(answer.status).toBe(429);
    expect(answer.json).toEqual({
      error_code: 'APIGW.0308',
      error_msg:
        'The throttling threshold has been reached: policy user over ratelimit,limit:5,time:1 minute',
      request_id: answer.headers['x-request-id'],
    });
  });

  it('tokenExpired fault: 401 APIGW.0307', async () => {
    sim.control.injectFault('workspace.listProductImages', { kind: 'tokenExpired' }, { times: 1 });
    const answer = await call(sim, `/v2/${sim.projectId}/images`, { token });
    expect(answer.status).toBe(401);
    expect(answer.json.error_code).toBe('APIGW.0307');
  });

  it('malformedJson fault: 200 with an unparseable body', async () => {
    sim.control.injectFault('hss.listGlobalImageApps', { kind: 'malformedJson' }, { times: 1 });
    const answer = await call(sim, hss(sim, '/image/apps'), { token });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/json/);
    expect(() => JSON.parse(answer.text)).toThrow();
  });

  it('wrongShape fault: 200 with valid JSON of another shape', async () => {
    sim.control.injectFault('swr.listSharedRepositories', { kind: 'wrongShape' }, { times: 1 });
    const answer = await repos();
    expect(answer.status).toBe(200);
    expect(Array.isArray(answer.json)).toBe(false);
    expect(answer.json.total_num).toBeUndefined();
  });

  it('reset fault: the socket closes without a response', async () => {
    sim.control.injectFault('hss.listRegistryImages', { kind: 'reset' }, { times: 1 });
    await expect(images()).rejects.toThrow();
    expect((await images()).status).toBe(200);
  });

  it('hang fault: no answer; stop() still closes the hung socket promptly', async () => {
    const other = await startSimulator();
    const otherToken = await getToken(other);
    other.control.injectFault('*', { kind: 'hang' });
    const pending = call(other, `/v2/${other.projectId}/images`, { token: otherToken, timeoutMs: 5000 });
    const outcome = pending.then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await other.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await outcome).toBe('failed');
    expect(other.control.totalCalls('workspace.')).toBe(1);
  });

  it('probability 0 never applies; times limits applications; clearFaults removes all', async () => {
    sim.control.injectFault('*', { kind: 'status', status: 500 }, { probability: 0 });
    expect((await repos()).status).toBe(200);
    sim.control.clearFaults();
    sim.control.injectFault('*', { kind: 'status', status: 502 }, { times: 2 });
    expect([(await repos()).status, (await repos()).status, (await repos()).status]).toEqual([502, 502, 200]);
    sim.control.injectFault('*', { kind: 'status', status: 500 });
    sim.control.clearFaults();
    expect((await repos()).status).toBe(200);
  });

  it('route-specific faults are tried before wildcard ones', async () => {
    sim.control.injectFault('*', { kind: 'status', status: 500 }, { times: 1 });
    sim.control.injectFault('swr.listSharedRepositories', { kind: 'status', status: 503 }, { times: 1 });
    expect((await repos()).status).toBe(503);
    expect((await repos()).status).toBe(500);
  });

  it('rejects invalid fault and latency specs', () => {
    expect(() => sim.control.injectFault('*', { kind: 'explode' } as never)).toThrow();
    expect(() => sim.control.injectFault('*', { kind: 'status', status: 42 })).toThrow();
    expect(() => sim.control.setLatency('*', { fixedMs: -1 })).toThrow();
    expect(() => sim.control.setLatency('*', { minMs: 10, maxMs: 5 })).toThrow();
  });

  it('applies latency per route, wildcard as fallback', async () => {
    sim.control.setLatency('hss.listRegistryImages', { fixedMs: 150 });
    let started = Date.now();
    await images();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    started = Date.now();
    await repos();
    expect(Date.now() - started).toBeLessThan(140);
    sim.control.setLatency('*', { minMs: 100, maxMs: 120 });
    started = Date.now();
    await repos();
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
  });

  it('counts every received request per route, faulted and rejected ones included, not control or 404s', async () => {
    sim.control.resetCallCounts();
    await images();
    await call(sim, hss(sim, '/image/registries/images')); // no token → 401, still counted
    await call(sim, hss(sim, '/image/registries/images?limit=0'), { token }); // 400, counted
    sim.control.injectFault('hss.listGlobalImageApps', { kind: 'status', status: 500 }, { times: 1 });
    await call(sim, hss(sim, '/image/apps'), { token });
    await repos();
    await call(sim, '/nowhere');
    await call(sim, '/__simulator/calls');
    const answer = await call(sim, '/v3/auth/tokens', { body: {} });
    expect(answer.headers['x-request-id']).toMatch(REQUEST_ID);
    expect(sim.control.callCounts()).toEqual({
      'hss.listRegistryImages': 3,
      'hss.listGlobalImageApps': 1,
      'swr.listSharedRepositories': 1,
      'iam.createToken': 1,
    });
    expect(sim.control.totalCalls('hss.')).toBe(4);
    expect(sim.control.totalCalls()).toBe(6);
    sim.control.resetCallCounts();
    expect(sim.control.callCounts()).toEqual({});
    expect(sim.control.totalCalls()).toBe(0);
  });
});
