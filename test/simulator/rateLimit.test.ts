import type { RunningSimulator } from '../../src/simulator';
import { call, hss, startWithToken } from './helpers';

describe('simulator rate limits', () => {
  let sim: RunningSimulator;
  let token: string;
  beforeAll(async () => {
    ({ sim, token } = await startWithToken({ rateLimits: true }));
  });
  afterAll(() => sim.stop());

  const images = () => call(sim, hss(sim, '/image/registries/images'), { token });

  it('allows 5 calls per minute per HSS API and answers the 6th with the documented 429', async () => {
    expect(sim.control.rateLimitsEnabled()).toBe(true);
    for (let n = 0; n < 5; n++) expect((await images()).status).toBe(200);
    const sixth = await images();
    expect(sixth.status).toBe(429);
    expect(sixth.json).toEqual({
      error_code: 'APIGW.0308',
      error_msg:
        'The throttling threshold has been reached: policy user over ratelimit,limit:5,time:1 minute',
      request_id: sixth.headers['x-request-id'],
    });
    // Another HSS API has its own budget; SWR and Workspace are not limited.
    expect((await call(sim, hss(sim, '/image/apps'), { token })).status).toBe(200);
    for (let n = 0; n < 8; n++) {
      expect((await call(sim, '/v2/manage/shared-repositories?center=self', { token })).status).toBe(200);
      expect((await call(sim, `/v2/${sim.projectId}/images`, { token })).status).toBe(200);
    }
    expect(sim.control.callCounts()['hss.listRegistryImages']).toBe(6);
  });

  it('can be turned off, and set to a custom per-minute limit', async () => {
    sim.control.setRateLimits(false);
    expect(sim.control.rateLimitsEnabled()).toBe(false);
    for (let n = 0; n < 10; n++) expect((await images()).status).toBe(200);
    sim.control.setRateLimits({ perMinute: 2 });
    expect((await images()).status).toBe(200);
    expect((await images()).status).toBe(200);
    const third = await images();
    expect(third.status).toBe(429);
    expect(third.json.error_msg).toContain('limit:2,time:1 minute');
    expect(() => sim.control.setRateLimits({ perMinute: 0 })).toThrow();
  });

  it('is off by default', async () => {
    const other = await startWithToken();
    try {
      for (let n = 0; n < 8; n++) {
        expect((await call(other.sim, hss(other.sim, '/image/apps'), { token: other.token })).status).toBe(
          200,
        );
      }
    } finally {
      await other.sim.stop();
    }
  });
});
