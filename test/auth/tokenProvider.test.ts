import { Writable } from 'node:stream';
import pino from 'pino';
import { Registry } from 'prom-client';
import { createTokenProvider, type TokenProviderOptions } from '../../src/auth/tokenProvider';
import { UpstreamError } from '../../src/errors/upstreamError';
import { isAbortError } from '../../src/upstream/transport/abortable';
import { createUpstreamMetrics } from '../../src/upstream/metrics';
import { OriginPools } from '../../src/upstream/transport/pools';
import { createIamClient, type IamClient, type IssuedToken } from '../../src/upstream/iam/client';
import { sendJson, startLocalServer } from '../upstream/helpers/localServer';

const HOUR = 3_600_000;
const CREDENTIALS = { domain: 'acme', user: 'gateway', password: 'P@ssw0rd-never-log-me' };
const T0 = Date.parse('2024-05-01T00:00:00Z');

/** A fake IAM: each call issues `token-N` valid for `lifetimeMs` from the fake clock, after an optional delay. */
function fakeIam(clock: { now: number }, lifetimeMs = 24 * HOUR) {
  let count = 0;
  const createToken = jest.fn<Promise<IssuedToken>, Parameters<IamClient['createToken']>>(async () => {
    count += 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return {
      value: `token-${count}`,
      issuedAt: clock.now,
      expiresAt: clock.now + lifetimeMs,
      projectId: 'proj-1',
    };
  });
  return { createToken };
}

function provider(
  iam: Pick<IamClient, 'createToken'>,
  clock: { now: number },
  extra: Partial<TokenProviderOptions> = {},
) {
  return createTokenProvider({
    iam,
    credentials: CREDENTIALS,
    scope: { projectName: 'cn-north-4' },
    clock: () => clock.now,
    ...extra,
  });
}

/** Lets a background refresh settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('tokenProvider', () => {
  it('makes exactly one IAM call for 100 concurrent cold callers', async () => {
    const clock = { now: T0 };
    const iam = fakeIam(clock);
    const tokens = provider(iam, clock);
    const results = await Promise.all(Array.from({ length: 100 }, () => tokens.getToken()));
    expect(iam.createToken).toHaveBeenCalledTimes(1);
    expect(new Set(results)).toEqual(new Set(['token-1']));
    expect(iam.createToken).toHaveBeenCalledWith(CREDENTIALS, { projectName: 'cn-north-4' });
  });

  it('reuses the token while it is fresh and exposes its project id', async () => {
    const clock = { now: T0 };
    const iam = fakeIam(clock);
    const tokens = provider(iam, clock);
    await tokens.getToken();
    clock.now += 20 * HOUR;
    await expect(tokens.getToken()).resolves.toBe('token-1');
    await expect(tokens.getProjectId()).resolves.toBe('proj-1');
    expect(iam.createToken).toHaveBeenCalledTimes(1);
  });

  it('refreshes in the background ahead of expiry while serving the valid token', async () => {
    const clock = { now: T0 };
    const iam = fakeIam(clock);
    const registry = new Registry();
    const tokens = provider(iam, clock, { metrics: createUpstreamMetrics(registry) });
    await tokens.getToken();
    clock.now += 23 * HOUR + 10 * 60_000; // 50 minutes left: inside the 1 h refresh window
    const served = await Promise.all([tokens.getToken(), tokens.getToken(), tokens.getToken()]);
    expect(served).toEqual(['token-1', 'token-1', 'token-1']);
    await settle();
    expect(iam.createToken).toHaveBeenCalledTimes(2);
    await expect(tokens.getToken()).resolves.toBe('token-2');
    const metric = await registry.getSingleMetricAsString('gateway_iam_token_fetches_total');
    expect(metric).toContain('reason="cold"} 1');
    expect(metric).toContain('reason="ahead_of_expiry"} 1');
  });

  it('refreshes a short-lived token ahead in proportion to its lifetime', async () => {
    const clock = { now: T0 };
    const iam = fakeIam(clock, 10 * 60_000);
    const tokens = provider(iam, clock);
    await tokens.getToken();
    clock.now += 7 * 60_000; // 3 of 10 minutes left: not yet (a quarter of the lifetime is 2.5 min)
    await tokens.getToken();
    await settle();
    expect(iam.createToken).toHaveBeenCalledTimes(1);
    clock.now += 60_000; // 2 minutes left
    await tokens.getToken();
    await settle();
    expect(iam.createToken).toHaveBeenCalledTimes(2);
  });

  it('hands the token out synchronously only while it needs nothing done (tokenNow)', async () => {
    const clock = { now: T0 };
    const iam = fakeIam(clock);
    const tokens = provider(iam, clock);
    expect(tokens.tokenNow()).toBeUndefined(); // none held yet: getToken fetches it
    await tokens.getToken();
    expect(tokens.tokenNow()).toBe('token-1');
    clock.now += 23 * HOUR + 10 * 60_000; // inside the refresh window: getToken must start the refresh
    expect(tokens.tokenNow()).toBeUndefined();
    expect(iam.createToken).toHaveBeenCalledTimes(1); // tokenNow never fetches
    await expect(tokens.getToken()).resolves.toBe('token-1');
    await settle();
    expect(tokens.tokenNow()).toBe('token-2');
    tokens.invalidate('token-2');
    expect(tokens.tokenNow()).toBeUndefined();
  });

  it('waits for a new token once the current one is about to expire', async () => {
    const clock = { now: T0 };
    const iam = fakeIam(clock);
    const tokens = provider(iam, clock);
    await tokens.getToken();
    clock.now += 24 * HOUR - 1_000;
    await expect(tokens.getToken()).resolves.toBe('token-2');
  });

  it('trusts the issued/expires pair over a skewed local clock', async () => {
    const clock = { now: T0 };
    const createToken = jest.fn(async () => ({
      value: 'skewed',
      // IAM's clock is 2 h ahead of ours, its token lives 24 h.
      issuedAt: T0 + 2 * HOUR,
      expiresAt: T0 + 26 * HOUR,
    }));
    const tokens = provider({ createToken }, clock);
    await tokens.getToken();
    clock.now += 23 * HOUR + 30 * 60_000; // our clock: 30 min left of the 24 h lifetime
    await tokens.getToken();
    expect(createToken).toHaveBeenCalledTimes(2);
  });

  it('refetches once for many concurrent invalidations of the same token', async () => {
    const clock = { now: T0 };
    const iam = fakeIam(clock);
    const registry = new Registry();
    const tokens = provider(iam, clock, { metrics: createUpstreamMetrics(registry) });
    const rejected = await tokens.getToken();
    const renewed = await Promise.all(
      Array.from({ length: 20 }, async () => {
        tokens.invalidate(rejected);
        return tokens.getToken();
      }),
    );
    expect(new Set(renewed)).toEqual(new Set(['token-2']));
    tokens.invalidate(rejected); // a late 401 for the old token must not drop the new one
    await expect(tokens.getToken()).resolves.toBe('token-2');
    expect(iam.createToken).toHaveBeenCalledTimes(2);
    expect(await registry.getSingleMetricAsString('gateway_iam_token_fetches_total')).toContain(
      'reason="rejected"} 1',
    );
  });

  it('rejects wrong credentials with UPSTREAM_AUTH_FAILED, backs off briefly, then tries again', async () => {
    const clock = { now: T0 };
    const denied = new UpstreamError('UPSTREAM_AUTH_FAILED', 'IAM request failed: 401 (status 401)', {
      service: 'iam',
      api: 'iam.createToken',
      status: 401,
      errorCode: '401',
      errorMessage: `user gateway with password ${CREDENTIALS.password} is wrong`,
    });
    const createToken = jest
      .fn<Promise<IssuedToken>, Parameters<IamClient['createToken']>>()
      .mockRejectedValueOnce(denied)
      .mockResolvedValueOnce({ value: 'token-ok', expiresAt: T0 + 24 * HOUR });
    const tokens = provider({ createToken }, clock, { failureBackoffMs: 1_000 });

    const first = await tokens.getToken().catch((error: unknown) => error);
    expect(first).toBeInstanceOf(UpstreamError);
    expect((first as UpstreamError).code).toBe('UPSTREAM_AUTH_FAILED');
    expect(
      JSON.stringify({ m: (first as UpstreamError).message, d: (first as UpstreamError).details }),
    ).not.toContain(CREDENTIALS.password);

    // Within the backoff: the remembered failure, no IAM call.
    await expect(tokens.getToken()).rejects.toMatchObject({ code: 'UPSTREAM_AUTH_FAILED' });
    expect(createToken).toHaveBeenCalledTimes(1);

    clock.now += 1_001;
    await expect(tokens.getToken()).resolves.toBe('token-ok');
    expect(createToken).toHaveBeenCalledTimes(2);
  });

  it('keeps serving the valid token when a background refresh fails', async () => {
    const clock = { now: T0 };
    const createToken = jest
      .fn<Promise<IssuedToken>, Parameters<IamClient['createToken']>>()
      .mockResolvedValueOnce({ value: 'token-1', expiresAt: T0 + 24 * HOUR })
      .mockRejectedValueOnce(
        new UpstreamError('UPSTREAM_UNAVAILABLE', 'IAM down', { service: 'iam', api: 'iam.createToken' }),
      )
      .mockResolvedValueOnce({ value: 'token-2', expiresAt: T0 + 48 * HOUR });
    const tokens = provider({ createToken }, clock, { failureBackoffMs: 1_000 });
    await tokens.getToken();
    clock.now += 23.5 * HOUR;
    await expect(tokens.getToken()).resolves.toBe('token-1');
    await settle();
    await expect(tokens.getToken()).resolves.toBe('token-1'); // backing off: no new attempt yet
    expect(createToken).toHaveBeenCalledTimes(2);
    clock.now += 2_000;
    await tokens.getToken();
    await settle();
    await expect(tokens.getToken()).resolves.toBe('token-2');
  });

  it('lets a waiting caller abort without cancelling the shared fetch', async () => {
    const clock = { now: T0 };
    const iam = fakeIam(clock);
    const tokens = provider(iam, clock);
    const controller = new AbortController();
    const aborted = tokens.getToken(controller.signal);
    const other = tokens.getToken();
    controller.abort();
    const error = await aborted.catch((reason: unknown) => reason);
    expect(isAbortError(error, controller.signal)).toBe(true);
    await expect(other).resolves.toBe('token-1');
    expect(iam.createToken).toHaveBeenCalledTimes(1);
  });

  it('never logs the password or a token (real IAM client against a local server)', async () => {
    const lines: string[] = [];
    const logger = pino(
      { level: 'trace' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    let calls = 0;
    const server = await startLocalServer((request, res) => {
      calls += 1;
      if (calls === 1) {
        sendJson(res, 401, {
          error: { code: 401, message: `bad password ${CREDENTIALS.password}`, title: 'Unauthorized' },
        });
        return;
      }
      const token = `MIIDtoken-${calls}-${'x'.repeat(40)}`;
      sendJson(
        res,
        201,
        {
          token: {
            expires_at: '2099-01-01T00:00:00.000000Z',
            issued_at: '2098-12-31T00:00:00.000000Z',
            project: { id: 'p1', name: 'cn-north-4', domain: { id: 'd', name: 'acme' } },
          },
        },
        { 'x-subject-token': token },
      );
      expect(request.body).toContain(CREDENTIALS.password);
    });
    const pools = new OriginPools({ connections: 2, connectTimeoutMs: 1_000, maxResponseBytes: 1 << 20 });
    try {
      const iam = createIamClient({
        endpoint: server.url,
        pools,
        timeouts: { headersMs: 1_000, bodyMs: 1_000 },
      });
      const tokens = createTokenProvider({
        iam,
        credentials: CREDENTIALS,
        scope: { projectName: 'cn-north-4' },
        failureBackoffMs: 0,
        logger,
      });
      const failure = (await tokens.getToken().catch((error: unknown) => error)) as UpstreamError;
      expect(failure.code).toBe('UPSTREAM_AUTH_FAILED');
      expect(JSON.stringify(failure.details) + failure.message).not.toContain(CREDENTIALS.password);
      const token = await tokens.getToken();
      tokens.invalidate(token);
      await tokens.getToken();
      const output = lines.join('');
      expect(lines.length).toBeGreaterThan(3);
      expect(output).not.toContain(CREDENTIALS.password);
      expect(output).not.toContain('MIIDtoken');
    } finally {
      await pools.close();
      await server.close();
    }
  });
});
