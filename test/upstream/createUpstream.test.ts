import { Registry } from 'prom-client';
import { createUpstreamMetrics } from '../../src/upstream/metrics';
import { createPipeline } from '../../src/upstream/pipeline/createPipeline';
import type { CreateUpstreamOptions, Upstream } from '../../src/upstream/createUpstream';
import { buildTestUpstream } from './helpers/testUpstream';
import { sendJson, startLocalServer, type LocalServer } from './helpers/localServer';

const CREDENTIALS = { domain: 'acme', user: 'gateway', password: 'integration-secret' };
const EMPTY_PAGE = { total_num: 0, data_list: [] };

/** A tiny "cloud": IAM issues tokens scoped to project `proj-from-token`; HSS answers per a script. */
function cloud(server: LocalServer, hss: (attempt: number, token: string) => [number, unknown]) {
  let issued = 0;
  let hssAttempts = 0;
  server.respond((request, res) => {
    if (request.url.startsWith('/v3/auth/tokens')) {
      issued += 1;
      sendJson(
        res,
        201,
        {
          token: {
            expires_at: '2099-01-01T00:00:00.000000Z',
            issued_at: '2098-12-31T00:00:00.000000Z',
            project: { id: 'proj-from-token', name: 'cn-north-4' },
          },
        },
        { 'x-subject-token': `token-${issued}` },
      );
      return;
    }
    hssAttempts += 1;
    const [status, body] = hss(hssAttempts, String(request.headers['x-auth-token']));
    sendJson(res, status, body, { 'x-request-id': `req-${hssAttempts}` });
  });
  return { iamCalls: () => issued, hssCalls: () => hssAttempts };
}

describe('createUpstream', () => {
  let server: LocalServer;
  let upstream: Upstream | undefined;

  beforeEach(async () => {
    server = await startLocalServer();
  });
  afterEach(async () => {
    await upstream?.close();
    upstream = undefined;
    await server.close();
  });

  const build = (extra: Partial<CreateUpstreamOptions> = {}) => buildTestUpstream(server, CREDENTIALS, extra);

  it('does no IAM work until the first call, then takes the project id from the token', async () => {
    const counts = cloud(server, () => [200, EMPTY_PAGE]);
    upstream = build();
    expect(counts.iamCalls()).toBe(0);
    await expect(upstream.clients.hss.listRegistryImages({ limit: 10 })).resolves.toEqual(EMPTY_PAGE);
    await upstream.clients.hss.listRegistryImages({ limit: 20 });
    expect(counts.iamCalls()).toBe(1);
    const hssRequests = server.requests.filter((request) => request.url.startsWith('/v5/'));
    expect(hssRequests.map((request) => request.url)).toEqual([
      '/v5/proj-from-token/image/registries/images?limit=10',
      '/v5/proj-from-token/image/registries/images?limit=20',
    ]);
    const tokenRequest = JSON.parse(server.requests[0]!.body);
    expect(tokenRequest.auth.scope).toEqual({ project: { name: 'cn-north-4' } });
  });

  it('uses a configured project id and enterprise project', async () => {
    cloud(server, () => [200, EMPTY_PAGE]);
    upstream = build({ projectId: 'cfg-proj', enterpriseProjectId: 'all_granted_eps' });
    await upstream.clients.hss.listGlobalImageApps({});
    expect(server.requests.at(-1)!.url).toBe('/v5/cfg-proj/image/apps?enterprise_project_id=all_granted_eps');
    expect(JSON.parse(server.requests[0]!.body).auth.scope).toEqual({ project: { id: 'cfg-proj' } });
  });

  it('renews a rejected token and retries a 5xx through the assembled pipeline', async () => {
    const counts = cloud(server, (attempt) => {
      if (attempt === 1) return [401, { error_code: 'APIGW.0307', error_msg: 'The token must be updated.' }];
      if (attempt === 2) return [503, { error_code: 'APIGW.0613', error_msg: 'IAM unavailable' }];
      return [200, EMPTY_PAGE];
    });
    const registry = new Registry();
    const metrics = createUpstreamMetrics(registry);
    upstream = build({
      metrics,
      pipeline: createPipeline({ retry: { baseDelayMs: 1, maxDelayMs: 5 } }, { metrics }),
    });
    await expect(upstream.clients.hss.listRegistryImages({})).resolves.toEqual(EMPTY_PAGE);
    expect(counts.iamCalls()).toBe(2);
    expect(counts.hssCalls()).toBe(3);
    expect(await registry.getSingleMetricAsString('gateway_upstream_retries_total')).toContain('} 1');
  });

  it('passes each retry attempt through the quota window, the cached result through once', async () => {
    const counts = cloud(server, (attempt) =>
      attempt === 1 ? [500, { error_code: 'HSS.0041', error_msg: 'x' }] : [200, EMPTY_PAGE],
    );
    const pipeline = createPipeline(
      { retry: { baseDelayMs: 1, maxDelayMs: 5 } },
      { metrics: createUpstreamMetrics(new Registry()) },
    );
    upstream = build({ pipeline });
    await upstream.clients.hss.listRegistryImages({});
    await upstream.clients.hss.listRegistryImages({});
    expect(counts.hssCalls()).toBe(2);
    const [quota] = await pipeline.quota([{ api: 'hss.listRegistryImages', service: 'hss' }]);
    expect(quota).toMatchObject({ api: 'hss.listRegistryImages', used: 2, remaining: 3, limit: 5 });
    pipeline.close();
  });
});
