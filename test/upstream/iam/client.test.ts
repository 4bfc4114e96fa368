import { createTokenAuthenticator } from '../../../src/auth/tokenAuthenticator';
import { UpstreamError } from '../../../src/errors/upstreamError';
import { OriginPools } from '../../../src/upstream/transport/pools';
import { createIamClient, type IamClient } from '../../../src/upstream/iam/client';
import { sendJson, startLocalServer, type LocalServer } from '../helpers/localServer';

const CREDENTIALS = { domain: 'acme', user: 'gateway', password: 'secret-password-1' };
const TOKEN_BODY = {
  token: {
    expires_at: '2030-01-02T09:05:22.701000Z',
    issued_at: '2030-01-01T09:05:22.701000Z',
    methods: ['password'],
    catalog: [],
    project: { id: 'proj-42', name: 'cn-north-4', domain: { id: 'd1', name: 'acme' } },
    roles: [],
    user: { id: 'u1', name: 'gateway', password_expires_at: '', domain: { id: 'd1', name: 'acme' } },
  },
};

describe('IAM client', () => {
  let server: LocalServer;
  let pools: OriginPools;
  let iam: IamClient;

  beforeEach(async () => {
    server = await startLocalServer();
    pools = new OriginPools({ connections: 2, connectTimeoutMs: 1_000, maxResponseBytes: 1 << 20 });
    iam = createIamClient({
      endpoint: `${server.url}/`,
      pools,
      timeouts: { headersMs: 1_000, bodyMs: 1_000 },
    });
  });
  afterEach(async () => {
    await pools.close();
    await server.close();
  });

  it('creates a project-scoped token by password without the catalog', async () => {
    const longToken = `MII${'a'.repeat(20_000)}`; // tokens reach ~32 KB; the default header limit is 16 KiB
    server.respond((_req, res) => sendJson(res, 201, TOKEN_BODY, { 'x-subject-token': longToken }));
    const issued = await iam.createToken(CREDENTIALS, { projectName: 'cn-north-4' });
    expect(issued).toEqual({
      value: longToken,
      expiresAt: Date.parse('2030-01-02T09:05:22.701Z'),
      issuedAt: Date.parse('2030-01-01T09:05:22.701Z'),
      projectId: 'proj-42',
    });
    const [request] = server.requests;
    expect(request!.method).toBe('POST');
    expect(request!.url).toBe('/v3/auth/tokens?nocatalog=true');
    expect(request!.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(request!.body)).toEqual({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'gateway', password: 'secret-password-1', domain: { name: 'acme' } } },
        },
        scope: { project: { name: 'cn-north-4' } },
      },
    });
  });

  it('scopes by project id when one is configured', async () => {
    server.respond((_req, res) => sendJson(res, 201, TOKEN_BODY, { 'x-subject-token': 'tok' }));
    await iam.createToken(CREDENTIALS, { projectId: 'proj-42' });
    expect(JSON.parse(server.requests[0]!.body).auth.scope).toEqual({ project: { id: 'proj-42' } });
  });

  it('maps wrong credentials to UPSTREAM_AUTH_FAILED without echoing the password', async () => {
    server.respond((_req, res) =>
      sendJson(res, 401, {
        error_code: '1101',
        error_msg: `user or password (${CREDENTIALS.password}) is wrong`,
      }),
    );
    const error = (await iam
      .createToken(CREDENTIALS, { projectName: 'cn-north-4' })
      .catch((e: unknown) => e)) as UpstreamError;
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error.code).toBe('UPSTREAM_AUTH_FAILED');
    expect(error.details).toMatchObject({
      service: 'iam',
      api: 'iam.createToken',
      status: 401,
      errorCode: '1101',
    });
    expect(JSON.stringify(error.details) + error.message).not.toContain(CREDENTIALS.password);
  });

  it('rejects a 201 without X-Subject-Token or with a malformed body as UPSTREAM_BAD_RESPONSE', async () => {
    server.respond((_req, res) => sendJson(res, 201, TOKEN_BODY));
    await expect(iam.createToken(CREDENTIALS, { projectName: 'x' })).rejects.toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
    });
    server.respond((_req, res) =>
      sendJson(res, 201, { token: { expires_at: 'tomorrow' } }, { 'x-subject-token': 't' }),
    );
    await expect(iam.createToken(CREDENTIALS, { projectName: 'x' })).rejects.toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
    });
  });

  it('lists projects by name with the token', async () => {
    server.respond((_req, res) =>
      sendJson(res, 200, { projects: [{ id: 'p1', name: 'cn-north-4', domain_id: 'd', enabled: true }] }),
    );
    const authenticator = createTokenAuthenticator({
      getToken: async () => 'tok-123',
      invalidate: () => undefined,
    });
    await expect(iam.listProjects('cn-north-4', authenticator)).resolves.toEqual([
      { id: 'p1', name: 'cn-north-4' },
    ]);
    expect(server.requests[0]!.url).toBe('/v3/projects?name=cn-north-4');
    expect(server.requests[0]!.headers['x-auth-token']).toBe('tok-123');
  });
});
