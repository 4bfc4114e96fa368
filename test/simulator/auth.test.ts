import type { RunningSimulator } from '../../src/simulator';
import { startSimulator } from '../../src/simulator';
import { call, getToken, hss, REQUEST_ID } from './helpers';

describe('simulator token checks, 404 and common headers', () => {
  let sim: RunningSimulator;
  let token: string;
  beforeAll(async () => {
    sim = await startSimulator();
    token = await getToken(sim);
  });
  afterAll(() => sim.stop());

  const servicePaths = (s: RunningSimulator) => [
    hss(s, '/image/registries/images'),
    hss(s, '/image/apps'),
    '/v2/manage/shared-repositories?center=self',
    `/v2/${s.projectId}/images`,
  ];

  it('answers 401 APIGW.0301 without a token, with request_id and X-Request-Id', async () => {
    for (const path of servicePaths(sim)) {
      const answer = await call(sim, path);
      expect(answer.status).toBe(401);
      expect(answer.json.error_code).toBe('APIGW.0301');
      expect(answer.json.request_id).toBe(answer.headers['x-request-id']);
      expect(answer.headers['x-request-id']).toMatch(REQUEST_ID);
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
    }
  });

  it('answers 401 APIGW.0301 to an undecodable token', async () => {
    const answer = await call(sim, hss(sim, '/image/registries/images'), { token: 'garbage' });
    expect(answer.status).toBe(401);
    expect(answer.json.error_code).toBe('APIGW.0301');
  });

  it('answers 401 APIGW.0307 for another project in the path', async () => {
    const answer = await call(sim, '/v5/0123456789abcdef0123456789abcdef/image/registries/images', { token });
    expect(answer.status).toBe(401);
    expect(answer.json.error_code).toBe('APIGW.0307');
  });

  it('answers 401 APIGW.0307 to an expired token', async () => {
    const shortLived = await startSimulator({ tokenTtlMs: 40 });
    try {
      const expiring = await getToken(shortLived);
      await new Promise((resolve) => setTimeout(resolve, 60));
      const answer = await call(shortLived, hss(shortLived, '/image/registries/images'), { token: expiring });
      expect(answer.status).toBe(401);
      expect(answer.json.error_code).toBe('APIGW.0307');
      expect(answer.json.error_msg).toMatch(/^The token must be updated/);
    } finally {
      await shortLived.stop();
    }
  });

  it('applies setTokenTtlMs to tokens issued afterwards', async () => {
    const other = await startSimulator();
    try {
      other.control.setTokenTtlMs(30);
      const expiring = await getToken(other);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await call(other, `/v2/${other.projectId}/images`, { token: expiring })).json.error_code).toBe(
        'APIGW.0307',
      );
    } finally {
      await other.stop();
    }
  });

  it('answers 401 APIGW.0307 to revoked tokens; new tokens work', async () => {
    const other = await startSimulator();
    try {
      const old = await getToken(other);
      other.control.revokeTokens();
      const answer = await call(other, `/v2/${other.projectId}/images`, { token: old });
      expect(answer.status).toBe(401);
      expect(answer.json.error_code).toBe('APIGW.0307');
      const fresh = await getToken(other);
      expect((await call(other, `/v2/${other.projectId}/images`, { token: fresh })).status).toBe(200);
    } finally {
      await other.stop();
    }
  });

  it.each([
    ['GET', '/v5/x/nothing-here'],
    ['GET', '/'],
    ['DELETE', '/v3/auth/tokens'],
    ['GET', '/v3/auth/tokens'],
    ['POST', '/v2/manage/shared-repositories'],
  ] as const)('answers 404 APIGW.0101 to %s %s', async (method, path) => {
    const answer = await call(sim, path, { method, token, rawBody: method === 'POST' ? '{}' : undefined });
    expect(answer.status).toBe(404);
    expect(answer.json.error_code).toBe('APIGW.0101');
    expect(answer.json.request_id).toMatch(REQUEST_ID);
  });

  it('sends X-Request-Id and JSON content type on success, service errors and control routes', async () => {
    const answers = await Promise.all([
      call(sim, hss(sim, '/image/registries/images'), { token }),
      call(sim, hss(sim, '/image/registries/images?limit=0'), { token }),
      call(sim, '/__simulator/calls'),
    ]);
    for (const answer of answers) {
      expect(answer.headers['x-request-id']).toMatch(REQUEST_ID);
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
    }
    expect(answers[1]?.json).toEqual({ error_code: 'HSS.0001', error_msg: expect.any(String) });
  });
});
