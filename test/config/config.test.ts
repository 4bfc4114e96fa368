import { loadConfig } from '../../src/config/config';
import { ConfigError } from '../../src/config/configError';
import { errorOf } from './helpers';

const CREDENTIALS = { HWC_IAM_DOMAIN: 'acme', HWC_IAM_USER: 'reader', HWC_IAM_PASSWORD: 's3cret-Pa55' };

describe('loadConfig', () => {
  it('serves the embedded simulator when no credentials are set, with documented defaults', () => {
    const config = loadConfig({});
    expect(config.upstream.target).toEqual({
      kind: 'embedded-simulator',
      seed: 1,
      imageCount: 300,
      rateLimits: false,
      port: 0,
    });
    expect(config.server).toMatchObject({ port: 4000, host: '127.0.0.1', developerTools: true, apiKeys: [] });
    // The limiter follows the simulator's rate-limit switch (off by default, so the demo is fast).
    expect(config.pipeline.quota.enabled).toBe(false);
    expect(loadConfig({ SIMULATOR_RATE_LIMITS: 'on' }).pipeline.quota.enabled).toBe(true);
  });

  it('targets Huawei Cloud with credentials, endpoints from the region, HSS quota from the docs', () => {
    const config = loadConfig({ ...CREDENTIALS, HWC_REGION: 'cn-north-4' });
    expect(config.upstream.target).toEqual({
      kind: 'remote',
      region: 'cn-north-4',
      credentials: { domain: 'acme', user: 'reader', password: 's3cret-Pa55' },
      endpoints: {
        iam: 'https://iam.cn-north-4.myhuaweicloud.com',
        hss: 'https://hss.cn-north-4.myhuaweicloud.com',
        swr: 'https://swr-api.cn-north-4.myhuaweicloud.com',
        workspace: 'https://workspace.cn-north-4.myhuaweicloud.com',
      },
    });
    expect(config.pipeline.quota.enabled).toBe(true);
    // 5 calls in any 60 s window, widened by the 1 s safety margin.
    expect(config.pipeline.quota.limits['hss']).toEqual({ calls: 5, windowMs: 61_000 });
    expect(
      loadConfig({
        ...CREDENTIALS,
        HWC_REGION: 'cn-north-4',
        HWC_QUOTA_HSS_WINDOW_MS: '2000',
        HWC_QUOTA_MARGIN_MS: '0',
      }).pipeline.quota.limits['hss'],
    ).toEqual({ calls: 5, windowMs: 2_000 });
  });

  it('uses the .eu domain for eu-west-101 and honours endpoint overrides', () => {
    const config = loadConfig({
      ...CREDENTIALS,
      HWC_REGION: 'eu-west-101',
      HWC_SWR_ENDPOINT: 'http://127.0.0.1:9000/proxy/',
    });
    expect(config.upstream.target).toMatchObject({
      endpoints: {
        iam: 'https://iam.eu-west-101.myhuaweicloud.eu',
        swr: 'http://127.0.0.1:9000/proxy',
      },
    });
  });

  it('reads the shutdown graces; the idle grace follows a shorter overall grace down when unset', () => {
    expect(loadConfig({}).server).toMatchObject({ shutdownGraceMs: 10_000, shutdownIdleGraceMs: 1_000 });
    expect(loadConfig({ GATEWAY_SHUTDOWN_GRACE_MS: '400' }).server).toMatchObject({
      shutdownGraceMs: 400,
      shutdownIdleGraceMs: 400,
    });
    expect(
      loadConfig({ GATEWAY_SHUTDOWN_GRACE_MS: '30000', GATEWAY_SHUTDOWN_IDLE_GRACE_MS: '30000' }).server,
    ).toMatchObject({ shutdownGraceMs: 30_000, shutdownIdleGraceMs: 30_000 });
  });

  it('turns developer tools off in production and reads API keys', () => {
    const config = loadConfig({ NODE_ENV: 'production', GATEWAY_API_KEYS: 'a1, b2 ,' });
    expect(config.server.developerTools).toBe(false);
    expect(config.server.apiKeys).toEqual(['a1', 'b2']);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT', 'PORT: must be an integer, got "eighty"'],
    [{ PORT: '70000' }, 'PORT', 'PORT: must be between 0 and 65535, got 70000'],
    [
      { LOG_LEVEL: 'loud' },
      'LOG_LEVEL',
      'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
    ],
    [
      { HWC_QUOTA_LIMITER: 'maybe' },
      'HWC_QUOTA_LIMITER',
      'HWC_QUOTA_LIMITER: must be true or false (or on/off, 1/0), got "maybe"',
    ],
    [
      { GRAPHQL_RESPONSE_CACHE: 'sometimes' },
      'GRAPHQL_RESPONSE_CACHE',
      'GRAPHQL_RESPONSE_CACHE: must be true or false (or on/off, 1/0), got "sometimes"',
    ],
    [
      { GATEWAY_WARMUP_ROUNDS: '-1' },
      'GATEWAY_WARMUP_ROUNDS',
      'GATEWAY_WARMUP_ROUNDS: must be between 0 and 1000, got -1',
    ],
    [
      { HWC_PREOPEN_CONNECTIONS: 'many' },
      'HWC_PREOPEN_CONNECTIONS',
      'HWC_PREOPEN_CONNECTIONS: must be an integer, got "many"',
    ],
    [
      { HWC_PREOPEN_CONNECTIONS: '-2' },
      'HWC_PREOPEN_CONNECTIONS',
      'HWC_PREOPEN_CONNECTIONS: must be between 0 and 1024, got -2',
    ],
    [
      { GRAPHQL_RESPONSE_CACHE_MAX_TTL_MS: '0' },
      'GRAPHQL_RESPONSE_CACHE_MAX_TTL_MS',
      'GRAPHQL_RESPONSE_CACHE_MAX_TTL_MS: must be between 1 and 86400000, got 0',
    ],
    [
      { HWC_IAM_USER: 'reader' },
      'HWC_IAM_DOMAIN',
      'HWC_IAM_DOMAIN: is required when any HWC_IAM_* credential is set',
    ],
    [{ ...CREDENTIALS }, 'HWC_REGION', 'HWC_REGION: is required with Huawei Cloud credentials'],
    [
      { ...CREDENTIALS, HWC_REGION: 'north' },
      'HWC_REGION',
      'HWC_REGION: must be a region id such as cn-north-4',
    ],
    [
      { ...CREDENTIALS, HWC_REGION: 'cn-north-4', HWC_HSS_ENDPOINT: 'ftp://x' },
      'HWC_HSS_ENDPOINT',
      'HWC_HSS_ENDPOINT: must use http or https, got "ftp:"',
    ],
    [
      { ...CREDENTIALS, HWC_REGION: 'cn-north-4', HWC_IAM_ENDPOINT: 'https://u:p@iam' },
      'HWC_IAM_ENDPOINT',
      'HWC_IAM_ENDPOINT: must not carry credentials',
    ],
    [
      { HWC_PROJECT_ID: 'bad id!' },
      'HWC_PROJECT_ID',
      'HWC_PROJECT_ID: must be a project id (letters, digits, - or _)',
    ],
    [
      { GATEWAY_SHUTDOWN_IDLE_GRACE_MS: 'soon' },
      'GATEWAY_SHUTDOWN_IDLE_GRACE_MS',
      'GATEWAY_SHUTDOWN_IDLE_GRACE_MS: must be an integer, got "soon"',
    ],
    [
      { GATEWAY_SHUTDOWN_IDLE_GRACE_MS: '-1' },
      'GATEWAY_SHUTDOWN_IDLE_GRACE_MS',
      'GATEWAY_SHUTDOWN_IDLE_GRACE_MS: must be between 0 and 600000, got -1',
    ],
    [
      { GATEWAY_SHUTDOWN_GRACE_MS: '3000', GATEWAY_SHUTDOWN_IDLE_GRACE_MS: '5000' },
      'GATEWAY_SHUTDOWN_IDLE_GRACE_MS',
      'GATEWAY_SHUTDOWN_IDLE_GRACE_MS: must not exceed GATEWAY_SHUTDOWN_GRACE_MS (3000), got 5000',
    ],
    [
      { GATEWAY_CACHE_LIST_FRESH_MS: '-1' },
      'GATEWAY_CACHE_LIST_FRESH_MS',
      'GATEWAY_CACHE_LIST_FRESH_MS: must be between 0 and 3600000, got -1',
    ],
    [
      { ...CREDENTIALS, HWC_ACCESS_KEY: 'HPUABCDEFGHIJ1234567' },
      'HWC_ACCESS_KEY',
      'HWC_ACCESS_KEY: conflicts with HWC_IAM_DOMAIN: configure either the IAM password (HWC_IAM_*) or an ' +
        'access key (HWC_ACCESS_KEY and HWC_SECRET_KEY), not both',
    ],
    [
      { HWC_IAM_PASSWORD: 'pw-1234', HWC_SECURITY_TOKEN: 'tok-1234' },
      'HWC_SECURITY_TOKEN',
      'HWC_SECURITY_TOKEN: conflicts with HWC_IAM_PASSWORD: configure either the IAM password (HWC_IAM_*) or an ' +
        'access key (HWC_ACCESS_KEY and HWC_SECRET_KEY), not both',
    ],
    [
      { HWC_ACCESS_KEY: 'HPUABCDEFGHIJ1234567', HWC_REGION: 'cn-north-4' },
      'HWC_SECRET_KEY',
      'HWC_SECRET_KEY: is required with AK/SK credentials (HWC_ACCESS_KEY and HWC_SECRET_KEY)',
    ],
    [
      { HWC_SECRET_KEY: 'sk-value-1234', HWC_SECURITY_TOKEN: 'tok-1234' },
      'HWC_ACCESS_KEY',
      'HWC_ACCESS_KEY: is required with AK/SK credentials (HWC_ACCESS_KEY and HWC_SECRET_KEY)',
    ],
    [
      { HWC_ACCESS_KEY: 'not a key!', HWC_SECRET_KEY: 'sk-value-1234' },
      'HWC_ACCESS_KEY',
      'HWC_ACCESS_KEY: must be an access key id (10–128 letters and digits)',
    ],
    [
      { HWC_ACCESS_KEY: 'HPUABCDEFGHIJ1234567', HWC_SECRET_KEY: 'has a space' },
      'HWC_SECRET_KEY',
      'HWC_SECRET_KEY: must be printable ASCII without spaces (value not shown)',
    ],
    [
      { HWC_ACCESS_KEY: 'HPUABCDEFGHIJ1234567', HWC_SECRET_KEY: 'sk-value-1234' },
      'HWC_REGION',
      'HWC_REGION: is required with Huawei Cloud credentials',
    ],
  ])('refuses %j with one line naming %s', (env, variable, message) => {
    const error = errorOf(env as Record<string, string>);
    expect(error.variable).toBe(variable);
    expect(error.message).toBe(message);
    expect(error.message).not.toContain('\n');
  });

  it('takes an access key pair instead of the IAM password, with an optional security token', () => {
    const env = {
      HWC_REGION: 'cn-north-4',
      HWC_ACCESS_KEY: 'HPUABCDEFGHIJ1234567',
      HWC_SECRET_KEY: 'sk/+=secret',
    };
    expect(loadConfig(env).upstream.target).toMatchObject({
      kind: 'remote',
      credentials: { accessKey: 'HPUABCDEFGHIJ1234567', secretKey: 'sk/+=secret' },
    });
    const temporary = loadConfig({ ...env, HWC_SECURITY_TOKEN: 'gQpjbi1ub3J0aC00' });
    expect(temporary.upstream.target).toMatchObject({
      credentials: {
        accessKey: 'HPUABCDEFGHIJ1234567',
        secretKey: 'sk/+=secret',
        securityToken: 'gQpjbi1ub3J0aC00',
      },
    });
    expect(temporary.upstream.projectId).toBeUndefined();
  });

  it('never echoes the secret key or the security token in an error', () => {
    const secret = 'SECRET-key value';
    const error = errorOf({ HWC_ACCESS_KEY: 'HPUABCDEFGHIJ1234567', HWC_SECRET_KEY: secret });
    expect(error.message).not.toContain(secret);
    const token = errorOf({
      HWC_ACCESS_KEY: 'HPUABCDEFGHIJ1234567',
      HWC_SECRET_KEY: 'sk-value-1234',
      HWC_SECURITY_TOKEN: 'TOKEN with space',
    });
    expect(token.message).not.toContain('TOKEN with space');
  });

  it('never echoes the password in an error', () => {
    const error = errorOf({ HWC_IAM_PASSWORD: 'hunter2-secret' });
    expect(error.message).not.toContain('hunter2-secret');
  });

  it('refuses a region the SDK tables do not list, unless every endpoint is given', () => {
    expect(errorOf({ ...CREDENTIALS, HWC_REGION: 'xx-nowhere-7' }).message).toBe(
      'HWC_REGION: "xx-nowhere-7" is not a region where HSS is offered; use one of the SDK\'s regions or set every HWC_*_ENDPOINT',
    );
    const endpoints = {
      HWC_IAM_ENDPOINT: 'https://iam.example.test',
      HWC_HSS_ENDPOINT: 'https://hss.example.test',
      HWC_SWR_ENDPOINT: 'https://swr.example.test',
    };
    expect(() => loadConfig({ ...CREDENTIALS, HWC_REGION: 'xx-nowhere-7', ...endpoints })).toThrow(
      ConfigError,
    );
    const config = loadConfig({
      ...CREDENTIALS,
      HWC_REGION: 'xx-nowhere-7',
      ...endpoints,
      HWC_WORKSPACE_ENDPOINT: 'https://workspace.example.test',
    });
    expect(config.upstream.target).toMatchObject({
      kind: 'remote',
      endpoints: { hss: 'https://hss.example.test' },
    });
    // A listed region other than the usual one gets its endpoints from the pattern.
    expect(loadConfig({ ...CREDENTIALS, HWC_REGION: 'ap-southeast-3' }).upstream.target).toMatchObject({
      endpoints: { swr: 'https://swr-api.ap-southeast-3.myhuaweicloud.com' },
    });
  });
});
