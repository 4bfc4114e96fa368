import type { OutgoingRequest } from '../../src/auth/requestAuthenticator';
import { createSigningAuthenticator } from '../../src/auth/signingAuthenticator';
import { signRequest } from '../../src/auth/signer';

const credentials = { accessKey: 'HPUAEXAMPLEKEY123456', secretKey: 'example-secret-key' };
const request: OutgoingRequest = {
  service: 'hss',
  method: 'GET',
  host: 'hss.cn-north-4.myhuaweicloud.com',
  path: '/v5/p1/image/registries/images',
  query: { limit: '10' },
  headers: { 'content-type': 'application/json', region: 'cn-north-4' },
  body: '',
};

describe('signing authenticator', () => {
  it('adds X-Project-Id, X-Sdk-Date and an Authorization that signs them with the host', async () => {
    const projectId = jest.fn(async () => 'p1');
    const auth = await createSigningAuthenticator({
      credentials,
      projectId,
      clock: () => Date.parse('2026-11-30T05:06:07Z'),
    }).authenticate(request);
    expect(auth.headers).toEqual({
      'x-project-id': 'p1',
      'x-sdk-date': '20261130T050607Z',
      authorization: expect.stringMatching(
        /^SDK-HMAC-SHA256 Access=HPUAEXAMPLEKEY123456, SignedHeaders=content-type;host;region;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$/,
      ),
    });
    const { authorization, ...added } = auth.headers;
    const expected = signRequest(
      { ...request, headers: { ...request.headers, ...added, host: request.host } },
      credentials,
    );
    expect(authorization).toBe(expected.authorization);
    // A signature cannot be "renewed": a refused one is final.
    expect(auth.renew()).toBe(false);
    expect(JSON.stringify(auth)).not.toContain(credentials.secretKey);
  });

  it('signs synchronously when the project id is known, and leaves it to authenticate when it is not', async () => {
    const clock = () => Date.parse('2026-11-30T05:06:07Z');
    const lookup: { resolved?: string } = {};
    const projectId = Object.assign(
      jest.fn(async () => 'p1'),
      { known: () => lookup.resolved },
    );
    const authenticator = createSigningAuthenticator({ credentials, projectId, clock });
    expect(authenticator.authenticateNow?.(request)).toBeUndefined();
    expect(projectId).not.toHaveBeenCalled(); // no lookup started by the synchronous form
    // IAM calls carry no project id, so they never wait for it.
    expect(authenticator.authenticateNow?.({ ...request, service: 'iam' })?.headers.authorization).toMatch(
      /^SDK-HMAC-SHA256 /,
    );
    lookup.resolved = 'p1';
    const now = authenticator.authenticateNow?.(request);
    expect(now?.headers).toEqual((await authenticator.authenticate(request)).headers);
    expect(now?.headers['x-project-id']).toBe('p1');
  });

  it('sends no X-Project-Id to IAM (the project lookup itself is signed)', async () => {
    const projectId = jest.fn(async () => 'p1');
    const auth = await createSigningAuthenticator({ credentials, projectId }).authenticate({
      ...request,
      service: 'iam',
    });
    expect(auth.headers['x-project-id']).toBeUndefined();
    expect(projectId).not.toHaveBeenCalled();
  });

  it('adds and signs X-Security-Token for temporary credentials, and lists it as a secret', async () => {
    const authenticator = createSigningAuthenticator({
      credentials: { ...credentials, securityToken: 'temporary-security-token' },
      projectId: async () => 'p1',
    });
    const auth = await authenticator.authenticate(request);
    expect(auth.headers['x-security-token']).toBe('temporary-security-token');
    expect(auth.headers.authorization).toContain('x-project-id;x-sdk-date;x-security-token,');
    expect(authenticator.secrets()).toEqual(['example-secret-key', 'temporary-security-token']);
  });

  it('signs every attempt afresh: a later attempt carries a later X-Sdk-Date', async () => {
    let now = Date.parse('2026-11-30T05:06:07Z');
    const authenticator = createSigningAuthenticator({
      credentials,
      projectId: async () => 'p1',
      clock: () => now,
    });
    const first = await authenticator.authenticate(request);
    now += 61_000;
    const second = await authenticator.authenticate(request);
    expect(first.headers['x-sdk-date']).toBe('20261130T050607Z');
    expect(second.headers['x-sdk-date']).toBe('20261130T050708Z');
    expect(second.headers.authorization).not.toBe(first.headers.authorization);
  });
});
