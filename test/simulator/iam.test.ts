import type { RunningSimulator } from '../../src/simulator';
import { startSimulator } from '../../src/simulator';
import { call, getToken, passwordBody, REQUEST_ID } from './helpers';

const MICROSECOND_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

describe('simulator IAM', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(() => sim.stop());

  it('issues a project-scoped token: 201, X-Subject-Token, 24 h expiry in microsecond format', async () => {
    const answer = await call(sim, '/v3/auth/tokens', { body: passwordBody(sim) });
    expect(answer.status).toBe(201);
    const token = answer.headers['x-subject-token'] as string;
    expect(token.length).toBeGreaterThan(1000);
    expect(answer.headers['x-request-id']).toMatch(REQUEST_ID);
    const result = answer.json.token;
    expect(result.expires_at).toMatch(MICROSECOND_UTC);
    expect(result.issued_at).toMatch(MICROSECOND_UTC);
    expect(Date.parse(result.expires_at) - Date.parse(result.issued_at)).toBe(24 * 3_600_000);
    expect(result.methods).toEqual(['password']);
    expect(result.project).toEqual({
      name: sim.region,
      id: sim.projectId,
      domain: { name: sim.credentials.domain, id: expect.any(String) },
    });
    expect(result.user).toMatchObject({ name: sim.credentials.user, password_expires_at: '' });
    expect(result.roles.length).toBeGreaterThan(0);
    expect(result.catalog.length).toBeGreaterThan(0);
    expect(result.catalog[0].endpoints[0].url.startsWith(sim.url)).toBe(true);
  });

  it('omits the catalog with ?nocatalog=true and accepts a project id scope', async () => {
    const answer = await call(sim, '/v3/auth/tokens?nocatalog=true', {
      body: passwordBody(sim, { project: { id: sim.projectId } }),
    });
    expect(answer.status).toBe(201);
    expect(answer.json.token.catalog).toEqual([]);
  });

  it('issues distinct tokens, each usable', async () => {
    const [a, b] = await Promise.all([getToken(sim), getToken(sim)]);
    expect(a).not.toBe(b);
    for (const token of [a, b]) expect((await call(sim, '/v3/projects', { token })).status).toBe(200);
  });

  it('rejects wrong credentials with 401 in both error formats', async () => {
    const answer = await call(sim, '/v3/auth/tokens', { body: passwordBody(sim, { password: 'nope' }) });
    expect(answer.status).toBe(401);
    expect(answer.json.error_code).toEqual(expect.any(String));
    expect(answer.json.error_msg).toEqual(expect.any(String));
    expect(answer.json.error).toMatchObject({ code: 401, title: 'Unauthorized' });
    expect(answer.headers['x-subject-token']).toBeUndefined();
  });

  it('rejects an unknown project scope with 401', async () => {
    const answer = await call(sim, '/v3/auth/tokens', {
      body: passwordBody(sim, { project: { name: 'eu-west-0' } }),
    });
    expect(answer.status).toBe(401);
  });

  it.each([
    ['not JSON', '{"auth":'],
    ['no identity', JSON.stringify({ auth: { scope: { project: { name: 'cn-north-4' } } } })],
    ['no password method', JSON.stringify({ auth: { identity: { methods: ['token'] }, scope: {} } })],
    [
      'no scope',
      JSON.stringify({
        auth: {
          identity: {
            methods: ['password'],
            password: { user: { name: 'a', password: 'b', domain: { name: 'c' } } },
          },
        },
      }),
    ],
  ])('answers 400 to a malformed body (%s)', async (_case, rawBody) => {
    const answer = await call(sim, '/v3/auth/tokens', { rawBody, method: 'POST' });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error_code: 'IAM.0011', error: { code: 400 } });
  });

  it('lists projects by name with a valid token', async () => {
    const token = await getToken(sim);
    const byName = await call(sim, `/v3/projects?name=${sim.region}`, { token });
    expect(byName.status).toBe(200);
    expect(byName.json.projects).toEqual([
      expect.objectContaining({ id: sim.projectId, name: sim.region, enabled: true, is_domain: false }),
    ]);
    const none = await call(sim, '/v3/projects?name=nowhere-1', { token });
    expect(none.json.projects).toEqual([]);
    const all = await call(sim, '/v3/projects', { token });
    expect(all.json.projects.length).toBe(2);
  });

  it('needs a token to list projects', async () => {
    const answer = await call(sim, '/v3/projects');
    expect(answer.status).toBe(401);
    expect(answer.json.error_code).toBe('APIGW.0301');
  });
});
