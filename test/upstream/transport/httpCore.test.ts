import { ShapeError } from '../../../src/upstream/shape';
import { Registry } from 'prom-client';
import { UpstreamError } from '../../../src/errors/upstreamError';
import { createTokenAuthenticator } from '../../../src/auth/tokenAuthenticator';
import { isAbortError } from '../../../src/upstream/transport/abortable';
import {
  createHttpCore,
  type HttpCore,
  type HttpCoreOptions,
} from '../../../src/upstream/transport/httpCore';
import { createUpstreamMetrics } from '../../../src/upstream/metrics';
import { wasNeverSent } from '../../../src/upstream/transport/notSent';
import type { UpstreamCall } from '../../../src/upstream/upstreamCall';
import { fakeTokens, sendJson, startLocalServer, type LocalServer } from '../helpers/localServer';

const PROJECT_ID = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const PASSWORD = 'hunter2-very-secret';

function hssCall(overrides: Partial<UpstreamCall> = {}): UpstreamCall {
  return {
    service: 'hss',
    api: 'hss.showImageFilesStat',
    method: 'GET',
    path: `/v5/${PROJECT_ID}/image/sha256%3Aabc/files-statistics`,
    query: { image_type: 'private_image', namespace: 'ns' },
    headers: { region: 'cn-north-4' },
    idempotent: true,
    options: {},
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(UpstreamError);
  return error as UpstreamError;
}

describe('httpCore', () => {
  let server: LocalServer;
  let core: HttpCore;
  let tokens: ReturnType<typeof fakeTokens>;
  let registry: Registry;

  const makeCore = (overrides: Partial<HttpCoreOptions> = {}): HttpCore => {
    const base = server.url;
    registry = new Registry();
    return createHttpCore({
      endpoints: { hss: base, swr: base, workspace: `${base}/ws-prefix/` },
      authenticator: createTokenAuthenticator(tokens, PASSWORD),
      timeouts: { connectMs: 1000, headersMs: 1000, bodyMs: 1000 },
      metrics: createUpstreamMetrics(registry),
      secrets: () => [PROJECT_ID],
      ...overrides,
    });
  };

  beforeEach(async () => {
    server = await startLocalServer();
    tokens = fakeTokens();
    core = makeCore();
  });
  afterEach(async () => {
    await core.close();
    await server.close();
  });

  it('sends the token, JSON content type, region header and an encoded path, and parses JSON', async () => {
    server.respond((_req, res) =>
      sendJson(res, 200, { total_files_num: 3, total_files_size: 10 }, { 'x-request-id': 'r-1' }),
    );
    const result = await core.handler(hssCall());
    expect(result).toMatchObject({
      status: 200,
      body: { total_files_num: 3, total_files_size: 10 },
      requestId: 'r-1',
    });
    const [request] = server.requests;
    expect(request!.url).toBe(
      `/v5/${PROJECT_ID}/image/sha256%3Aabc/files-statistics?image_type=private_image&namespace=ns`,
    );
    expect(request!.headers['x-auth-token']).toBe('iam-token-1');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers.region).toBe('cn-north-4');
  });

  it('encodes query values per RFC 3986 and keeps a base path prefix', async () => {
    server.respond((_req, res) => sendJson(res, 200, { images: [], total_count: 0 }));
    await core.handler(
      hssCall({
        service: 'workspace',
        path: '/v2/p/images',
        query: { filter: 'center::self|name::a b' },
        headers: {},
      }),
    );
    expect(server.requests[0]!.url).toBe('/ws-prefix/v2/p/images?filter=center%3A%3Aself%7Cname%3A%3Aa%20b');
  });

  it('never lets call headers replace the token', async () => {
    server.respond((_req, res) => sendJson(res, 200, {}));
    await core.handler(hssCall({ headers: { 'X-Auth-Token': 'forged' } }));
    expect(server.requests[0]!.headers['x-auth-token']).toBe('iam-token-1');
  });

  it('sends a POST body as given and resolves an empty 200 body as undefined', async () => {
    server.respond((_req, res) => {
      res.writeHead(200);
      res.end();
    });
    const result = await core.handler(
      hssCall({ method: 'POST', body: '{"operate_all":true}', idempotent: false }),
    );
    expect(result.body).toBeUndefined();
    expect(server.requests[0]).toMatchObject({ method: 'POST', body: '{"operate_all":true}' });
  });

  it('turns malformed JSON on a 2xx into UPSTREAM_BAD_RESPONSE', async () => {
    server.respond((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"total_files_num": 3,');
    });
    const error = await rejection(core.handler(hssCall()));
    expect(error.code).toBe('UPSTREAM_BAD_RESPONSE');
    expect(error.message).not.toContain('total_files_num');
  });

  it("runs the call's parseBody below the pipeline: a wrong shape is UPSTREAM_BAD_RESPONSE, a good one is converted", async () => {
    const parseBody = (body: unknown) => {
      const record = body as { total_files_num?: unknown };
      if (typeof record.total_files_num !== 'number')
        throw new ShapeError('body.total_files_num', 'a number');
      return { files: record.total_files_num };
    };
    server.respond((_req, res) =>
      sendJson(res, 200, { total_files_num: 'many' }, { 'x-request-id': 'shape1' }),
    );
    const error = await rejection(core.handler({ ...hssCall(), parseBody }));
    expect(error.code).toBe('UPSTREAM_BAD_RESPONSE');
    expect(error.details).toMatchObject({ service: 'hss', status: 200, requestId: 'shape1' });
    expect(error.message).not.toContain('many');

    server.respond((_req, res) => sendJson(res, 200, { total_files_num: 3 }));
    await expect(core.handler({ ...hssCall(), parseBody })).resolves.toMatchObject({ body: { files: 3 } });
  });

  it('maps 5xx to UPSTREAM_UNAVAILABLE keeping the error code and request id', async () => {
    server.respond((_req, res) =>
      sendJson(res, 500, { error_code: 'HSS.0041', error_msg: 'internal' }, { 'x-request-id': 'abc123' }),
    );
    const error = await rejection(core.handler(hssCall()));
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.message).toBe('HSS request failed: HSS.0041 (status 500)');
    expect(error.details).toMatchObject({
      service: 'hss',
      api: 'hss.showImageFilesStat',
      status: 500,
      errorCode: 'HSS.0041',
      errorMessage: 'internal',
      requestId: 'abc123',
    });
  });

  it('uses the status as the error code when the body has none', async () => {
    server.respond((_req, res) => {
      res.writeHead(502);
      res.end('<html>bad gateway</html>');
    });
    const error = await rejection(core.handler(hssCall()));
    expect(error.details.errorCode).toBe('502');
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('maps HSS 400 HSS.0011 to NOT_FOUND', async () => {
    server.respond((_req, res) => sendJson(res, 400, { error_code: 'HSS.0011', error_msg: 'not found' }));
    expect((await rejection(core.handler(hssCall()))).code).toBe('NOT_FOUND');
  });

  it('maps throttling to UPSTREAM_RATE_LIMITED with a retry hint from the message', async () => {
    server.respond((_req, res) =>
      sendJson(res, 429, {
        error_code: 'APIG.0308',
        error_msg:
          'The throttling threshold has been reached: policy user over ratelimit,limit:5,time:1 minute',
      }),
    );
    const error = await rejection(core.handler(hssCall()));
    expect(error.code).toBe('UPSTREAM_RATE_LIMITED');
    expect(error.details.retryAfterMs).toBe(12_000);
  });

  it('times out waiting for headers with UPSTREAM_TIMEOUT', async () => {
    core = makeCore({ timeouts: { connectMs: 1000, headersMs: 100, bodyMs: 1000 } });
    server.respond(() => undefined);
    const error = await rejection(core.handler(hssCall()));
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(error.message).toBe('HSS request timed out');
  });

  it('maps a connection reset to UPSTREAM_UNAVAILABLE, not marked as unsent', async () => {
    server.respond((_req, _res, req) => req.socket.destroy());
    const error = await rejection(core.handler(hssCall()));
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(wasNeverSent(error)).toBe(false);
  });

  it('marks a refused connection as never sent', async () => {
    const closed = await startLocalServer();
    const url = closed.url;
    await closed.close();
    const refusedCore = makeCore({ endpoints: { hss: url, swr: url, workspace: url } });
    try {
      const error = await rejection(refusedCore.handler(hssCall()));
      expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(wasNeverSent(error)).toBe(true);
    } finally {
      await refusedCore.close();
    }
  });

  it('rejects with the abort reason when the caller aborts', async () => {
    server.respond(() => undefined);
    const controller = new AbortController();
    const pending = core.handler(hssCall({ options: { signal: controller.signal } }));
    setTimeout(() => controller.abort(), 20);
    const error = await pending.catch((reason: unknown) => reason);
    expect(error).not.toBeInstanceOf(UpstreamError);
    expect(isAbortError(error, controller.signal)).toBe(true);
  });

  it('refuses bodies larger than the cap', async () => {
    core = makeCore({ maxResponseBytes: 100 });
    server.respond((_req, res) => sendJson(res, 200, { data: 'x'.repeat(1000) }));
    expect((await rejection(core.handler(hssCall()))).code).toBe('UPSTREAM_BAD_RESPONSE');
  });

  it('renews a rejected token once and retries with the new one', async () => {
    server.respond((request, res) => {
      if (request.headers['x-auth-token'] === 'iam-token-1') {
        sendJson(res, 401, { error_code: 'APIGW.0307', error_msg: 'The token must be updated.' });
      } else {
        sendJson(res, 200, { total_files_num: 1, total_files_size: 2 });
      }
    });
    const result = await core.handler(hssCall());
    expect(result.body).toEqual({ total_files_num: 1, total_files_size: 2 });
    expect(tokens.invalidated).toEqual(['iam-token-1']);
    expect(server.requests.map((request) => request.headers['x-auth-token'])).toEqual([
      'iam-token-1',
      'iam-token-2',
    ]);
  });

  it('gives up with UPSTREAM_AUTH_FAILED when the renewed token is rejected too', async () => {
    server.respond((_req, res) =>
      sendJson(res, 401, { error_code: 'APIG.0301', error_msg: 'decrypt token fail' }),
    );
    const error = await rejection(core.handler(hssCall()));
    expect(error.code).toBe('UPSTREAM_AUTH_FAILED');
    expect(server.requests).toHaveLength(2);
    expect(tokens.issued).toBe(2);
  });

  it('does not renew the token on a 401 that is not a token rejection', async () => {
    server.respond((_req, res) =>
      sendJson(res, 401, { error_code: 'APIGW.0303', error_msg: 'signature expired' }),
    );
    expect((await rejection(core.handler(hssCall()))).code).toBe('UPSTREAM_AUTH_FAILED');
    expect(server.requests).toHaveLength(1);
  });

  it('never exposes the token, password or project id in error messages or details', async () => {
    server.respond((request, res) =>
      sendJson(res, 400, {
        error_code: 'HSS.0001',
        error_msg: `bad ${request.headers['x-auth-token']} for project ${PROJECT_ID} with ${PASSWORD}`,
      }),
    );
    const error = await rejection(core.handler(hssCall()));
    const visible = JSON.stringify({ message: error.message, details: error.details });
    expect(visible).not.toContain('iam-token-1');
    expect(visible).not.toContain(PROJECT_ID);
    expect(visible).not.toContain(PASSWORD);
    expect(error.details.errorMessage).toContain('[redacted]');
  });

  it('counts each request by outcome', async () => {
    server.respond((_req, res) =>
      sendJson(res, 503, { error_code: 'APIGW.0613', error_msg: 'IAM unavailable' }),
    );
    await rejection(core.handler(hssCall()));
    const metric = await registry.getSingleMetricAsString('gateway_upstream_requests_total');
    expect(metric).toContain('service="hss",api="hss.showImageFilesStat",outcome="5xx"} 1');
  });
});
