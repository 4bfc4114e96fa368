/**
 * The upstream side with an access key: no IAM token, every request signed over exactly the bytes sent,
 * the project id looked up through a signed IAM call, no secret in an error.
 */
import { signRequest } from '../../src/auth/signer';
import { isUpstreamError } from '../../src/errors/upstreamError';
import type { CreateUpstreamOptions, Upstream } from '../../src/upstream/createUpstream';
import { buildTestUpstream } from './helpers/testUpstream';
import { sendJson, startLocalServer, type LocalServer, type RecordedRequest } from './helpers/localServer';

const CREDENTIALS = {
  accessKey: 'HPUAEXAMPLEKEY123456',
  secretKey: 'example-secret-key-0123',
  securityToken: 'temporary-security-token-abc',
};
const EMPTY_PAGE = { total_num: 0, data_list: [] };

/** Recomputes the signature from what the server received, the way the API gateway checks it. */
function receivedSignatureIsValid(request: RecordedRequest): boolean {
  const authorization = String(request.headers.authorization);
  const match = /SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(authorization);
  if (!match) return false;
  const url = new URL(request.url, 'http://placeholder');
  const headers = Object.fromEntries(
    match[1]!.split(';').map((name) => [name, String(request.headers[name])]),
  );
  const signed = signRequest(
    {
      method: request.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body: request.body,
    },
    CREDENTIALS,
  );
  return signed.signature === match[2];
}

describe('createUpstream with AK/SK credentials', () => {
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

  const build = (extra: Partial<CreateUpstreamOptions> = {}) =>
    buildTestUpstream(server, CREDENTIALS, {
      endpoints: { iam: server.url, hss: server.url, swr: server.url, workspace: `${server.url}/ws` },
      ...extra,
    });

  it('resolves the project id with a signed IAM call, then signs each service call with X-Project-Id', async () => {
    server.respond((request, res) => {
      if (request.url.startsWith('/v3/projects')) {
        sendJson(res, 200, { projects: [{ id: 'proj-by-name', name: 'cn-north-4' }] });
      } else sendJson(res, 200, EMPTY_PAGE);
    });
    upstream = build();
    expect(upstream.tokenProvider).toBeUndefined();
    await upstream.clients.hss.listRegistryImages({ limit: 10 });
    await upstream.clients.hss.batchScanSwrImage({ image_type: 'private_image', operate_all: true });
    const [projects, list, scan] = server.requests;
    expect(server.requests.map((request) => request.url)).toEqual([
      '/v3/projects?name=cn-north-4',
      '/v5/proj-by-name/image/registries/images?limit=10',
      '/v5/proj-by-name/image/batch-scan',
    ]);
    for (const request of server.requests) {
      expect(request.headers['x-auth-token']).toBeUndefined();
      expect(request.headers['x-sdk-date']).toMatch(/^\d{8}T\d{6}Z$/);
      expect(request.headers['x-security-token']).toBe(CREDENTIALS.securityToken);
      expect(receivedSignatureIsValid(request)).toBe(true);
    }
    expect(projects!.headers['x-project-id']).toBeUndefined();
    expect(list!.headers['x-project-id']).toBe('proj-by-name');
    expect(list!.headers.authorization).toContain('host;');
    expect(scan!.body).not.toBe('');
  });

  it('uses a configured project id without any IAM call, and signs an endpoint path prefix', async () => {
    server.respond((_request, res) => sendJson(res, 200, { images: [], total_count: 0 }));
    upstream = build({ projectId: 'cfg-proj' });
    await upstream.clients.workspace.listProductImages({});
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.url).toMatch(/^\/ws\/v2\/cfg-proj\/images/);
    expect(receivedSignatureIsValid(server.requests[0]!)).toBe(true);
  });

  it('treats a refused signature as final (no renewal loop) and keeps secrets out of the error', async () => {
    server.respond((_request, res) =>
      sendJson(res, 401, {
        error_code: 'APIGW.0301',
        error_msg: `verify aksk signature fail for ${CREDENTIALS.secretKey} ${CREDENTIALS.securityToken}`,
      }),
    );
    upstream = build({ projectId: 'cfg-proj' });
    const error = await upstream.clients.hss
      .listRegistryImages({ limit: 10 })
      .catch((reason: unknown) => reason);
    expect(isUpstreamError(error) && error.code).toBe('UPSTREAM_AUTH_FAILED');
    expect(server.requests).toHaveLength(1);
    const shown = JSON.stringify(error) + String((error as Error).message);
    expect(shown).not.toContain(CREDENTIALS.secretKey);
    expect(shown).not.toContain(CREDENTIALS.securityToken);
  });

  it('signs each retry afresh', async () => {
    server.respond((_request, res) =>
      server.requests.length === 1
        ? sendJson(res, 503, { error_code: 'APIGW.0201', error_msg: 'Backend unavailable' })
        : sendJson(res, 200, EMPTY_PAGE),
    );
    upstream = build({ projectId: 'cfg-proj' });
    // The project id is configured, so each attempt is signed synchronously (authenticateNow).
    const signNow = jest.spyOn(upstream.authenticator, 'authenticateNow');
    const authenticate = jest.spyOn(upstream.authenticator, 'authenticate');
    await upstream.clients.hss.listRegistryImages({ limit: 10 });
    expect(server.requests).toHaveLength(2);
    expect(signNow.mock.calls.length + authenticate.mock.calls.length).toBe(2);
    expect(server.requests.every(receivedSignatureIsValid)).toBe(true);
  });
});
