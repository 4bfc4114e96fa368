import { loadConfig } from '../../src/config/config';
import { errorOf, runMain } from './helpers';

describe('REDIS_* configuration', () => {
  it('keeps everything in memory without REDIS_URL', () => {
    expect(loadConfig({}).redis).toBeUndefined();
    expect(loadConfig({ REDIS_URL: '  ' }).redis).toBeUndefined();
  });

  it('accepts redis:// and rediss:// URLs with credentials and a database, with documented defaults', () => {
    expect(loadConfig({ REDIS_URL: 'redis://redis:6379' }).redis).toEqual({
      url: 'redis://redis:6379',
      keyPrefix: undefined,
      commandTimeoutMs: 500,
      cacheMaxValueBytes: 2 * 1024 * 1024,
    });
    const tls = loadConfig({
      REDIS_URL: 'rediss://gateway:p%40ss@cache.internal:6380/2',
      REDIS_KEY_PREFIX: 'team-a:prod:',
      REDIS_COMMAND_TIMEOUT_MS: '250',
      REDIS_CACHE_MAX_VALUE_BYTES: '65536',
    }).redis;
    expect(tls).toEqual({
      url: 'rediss://gateway:p%40ss@cache.internal:6380/2',
      keyPrefix: 'team-a:prod:',
      commandTimeoutMs: 250,
      cacheMaxValueBytes: 65536,
    });
    expect(loadConfig({ REDIS_URL: 'redis://:secret@[::1]:6379/' }).redis?.url).toBe(
      'redis://:secret@[::1]:6379/',
    );
  });

  it.each([
    ['not a url', 'REDIS_URL: must be a URL such as redis://host:6379 or rediss://user:password@host:6380/0'],
    ['http://redis:6379', 'REDIS_URL: must use redis:// or rediss:// (TLS), got "http://"'],
    ['redis://', 'REDIS_URL: must name a host'],
    ['redis://redis:6379/cache', 'REDIS_URL: may only have a database number as its path, e.g. /0'],
    ['redis://redis:6379/0?family=6', 'REDIS_URL: must not have a query or fragment'],
    [
      'redis://redis:99999',
      'REDIS_URL: must be a URL such as redis://host:6379 or rediss://user:password@host:6380/0',
    ],
  ])('refuses REDIS_URL=%s with one line naming the variable', (url, message) => {
    const error = errorOf({ REDIS_URL: url });
    expect(error.variable).toBe('REDIS_URL');
    expect(error.message).toBe(message);
  });

  it('never echoes the URL, which may carry a password', () => {
    for (const url of [
      'redis://user:hunter2@redis:6379/cache',
      'redis://user:hunter2@redis:6379?x=1',
      'ftp://u:hunter2@h',
    ]) {
      expect(errorOf({ REDIS_URL: url }).message).not.toContain('hunter2');
    }
  });

  it('validates REDIS_KEY_PREFIX and the numbers', () => {
    const url = { REDIS_URL: 'redis://redis:6379' };
    expect(errorOf({ ...url, REDIS_KEY_PREFIX: 'has space' }).message).toBe(
      'REDIS_KEY_PREFIX: must be up to 100 letters, digits or _ . : { } | / - (no spaces)',
    );
    expect(errorOf({ ...url, REDIS_KEY_PREFIX: 'x'.repeat(101) }).variable).toBe('REDIS_KEY_PREFIX');
    expect(errorOf({ ...url, REDIS_COMMAND_TIMEOUT_MS: '0' }).message).toBe(
      'REDIS_COMMAND_TIMEOUT_MS: must be between 10 and 60000, got 0',
    );
    expect(errorOf({ ...url, REDIS_CACHE_MAX_VALUE_BYTES: 'lots' }).variable).toBe(
      'REDIS_CACHE_MAX_VALUE_BYTES',
    );
  });

  it('stops the process at start with one line naming REDIS_URL (exit code 78), without echoing it', () => {
    const result = runMain({ REDIS_URL: 'http://user:hunter2@redis:6379' });
    expect(result.status).toBe(78);
    expect(result.stderr.trim()).toBe(
      'configuration error: REDIS_URL: must use redis:// or rediss:// (TLS), got "http://"',
    );
    expect(result.stdout).toBe('');
  });
});
