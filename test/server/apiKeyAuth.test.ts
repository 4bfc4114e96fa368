import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { createApiKeyCheck } from '../../src/server/apiKeyAuth';

const withAuthorization = (authorization?: string) =>
  ({ headers: authorization === undefined ? {} : { authorization } }) as IncomingMessage;

describe('createApiKeyCheck', () => {
  afterEach(() => jest.restoreAllMocks());

  it('accepts any configured key and refuses everything else', () => {
    const accepted = createApiKeyCheck(['short-key', 'a-much-longer-second-key']);
    expect(accepted(withAuthorization('Bearer short-key'))).toBe(true);
    expect(accepted(withAuthorization('bearer  a-much-longer-second-key'))).toBe(true);
    expect(accepted(withAuthorization('Bearer short-kez'))).toBe(false);
    expect(accepted(withAuthorization('short-key'))).toBe(false);
    expect(accepted(withAuthorization())).toBe(false);
  });

  it('compares equal-length digests against every key, whatever the presented length', () => {
    const compare = jest.spyOn(crypto, 'timingSafeEqual');
    const accepted = createApiKeyCheck(['k1-aaaaaaaa', 'k2-bbbbbbbbbbbbbbbbbbbbbbbb']);
    for (const presented of ['x', 'k1-aaaaaaab', 'a key far longer than either configured one']) {
      compare.mockClear();
      expect(accepted(withAuthorization(`Bearer ${presented}`))).toBe(false);
      // One constant-time comparison per key, always of 32-byte digests: no early exit on length.
      expect(compare).toHaveBeenCalledTimes(2);
      for (const [left, right] of compare.mock.calls) {
        expect((left as Buffer).length).toBe(32);
        expect((right as Buffer).length).toBe(32);
      }
    }
  });

  it('lets everything through when no keys are configured', () => {
    expect(createApiKeyCheck([])(withAuthorization())).toBe(true);
  });
});
