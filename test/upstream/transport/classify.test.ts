import type { ErrorCode, UpstreamService } from '../../../src/errors/codes';
import {
  classifyUpstreamFailure,
  DEFAULT_RATE_LIMIT_RETRY_MS,
  isTokenRejection,
  retryAfterMs,
} from '../../../src/upstream/transport/classify';

describe('classifyUpstreamFailure', () => {
  it.each<[UpstreamService, number, string, ErrorCode]>([
    ['hss', 401, 'APIGW.0301', 'UPSTREAM_AUTH_FAILED'],
    ['hss', 401, 'APIG.0307', 'UPSTREAM_AUTH_FAILED'],
    ['swr', 401, 'SVCSTG.SWR.4010000', 'UPSTREAM_AUTH_FAILED'],
    ['iam', 401, '1101', 'UPSTREAM_AUTH_FAILED'],
    ['hss', 403, 'HSS.0013', 'UPSTREAM_AUTH_FAILED'],
    ['swr', 403, 'SVCSTG.SWR.4030170', 'UPSTREAM_AUTH_FAILED'],
    ['hss', 429, 'APIGW.0308', 'UPSTREAM_RATE_LIMITED'],
    ['hss', 429, '429', 'UPSTREAM_RATE_LIMITED'],
    ['workspace', 400, 'APIG.0308', 'UPSTREAM_RATE_LIMITED'],
    ['hss', 400, 'HSS.0011', 'NOT_FOUND'],
    ['swr', 404, 'SVCSTG.SWR.4040010', 'NOT_FOUND'],
    ['hss', 400, 'HSS.0001', 'UPSTREAM_BAD_REQUEST'],
    ['swr', 400, 'SVCSTG.SWR.4000014', 'UPSTREAM_BAD_REQUEST'],
    ['hss', 404, 'APIGW.0101', 'UPSTREAM_BAD_REQUEST'],
    ['workspace', 404, 'WKS.0404', 'UPSTREAM_BAD_REQUEST'],
    ['hss', 413, 'APIGW.0201', 'UPSTREAM_BAD_REQUEST'],
    ['hss', 500, 'HSS.0041', 'UPSTREAM_UNAVAILABLE'],
    ['hss', 502, 'APIGW.0201', 'UPSTREAM_UNAVAILABLE'],
    ['hss', 503, 'APIGW.0613', 'UPSTREAM_UNAVAILABLE'],
    ['hss', 504, 'APIGW.0201', 'UPSTREAM_TIMEOUT'],
    ['hss', 302, '302', 'UPSTREAM_BAD_RESPONSE'],
  ])('%s %i %s → %s', (service, status, errorCode, expected) => {
    expect(classifyUpstreamFailure({ service, status, errorCode }).code).toBe(expected);
  });

  it('does not treat HSS.0011 as not-found for another service', () => {
    expect(classifyUpstreamFailure({ service: 'workspace', status: 400, errorCode: 'HSS.0011' }).code).toBe(
      'UPSTREAM_BAD_REQUEST',
    );
  });

  it('gives rate-limited failures a retry delay', () => {
    expect(classifyUpstreamFailure({ service: 'hss', status: 429, errorCode: 'APIGW.0308' })).toEqual({
      code: 'UPSTREAM_RATE_LIMITED',
      retryAfterMs: DEFAULT_RATE_LIMIT_RETRY_MS,
    });
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2024-01-01T00:00:00Z');

  it('honours Retry-After in seconds', () => {
    expect(retryAfterMs({ retryAfter: '7' }, now)).toBe(7_000);
  });

  it('honours Retry-After as an HTTP date', () => {
    expect(retryAfterMs({ retryAfter: 'Mon, 01 Jan 2024 00:00:03 GMT' }, now)).toBe(3_000);
  });

  it('derives the interval from the throttling message', () => {
    const errorMessage =
      'The throttling threshold has been reached: policy ip over ratelimit,limit:10,time:1 minute';
    expect(retryAfterMs({ errorMessage }, now)).toBe(6_000);
  });

  it('prefers the header over the message and falls back to the default', () => {
    expect(retryAfterMs({ retryAfter: '1', errorMessage: 'limit:1,time:1 hour' }, now)).toBe(1_000);
    expect(retryAfterMs({ retryAfter: 'soon' }, now)).toBe(DEFAULT_RATE_LIMIT_RETRY_MS);
  });
});

describe('isTokenRejection', () => {
  it.each([
    [401, 'APIGW.0301', true],
    [401, 'APIGW.0307', true],
    [401, 'APIG.0301', true],
    [401, 'APIG.0307', true],
    [401, 'SVCSTG.SWR.4010000', true],
    [401, 'APIGW.0303', false],
    [401, undefined, false],
    [403, 'APIGW.0307', false],
    [401, 'XAPIGW.0307', false],
  ])('%i %s → %s', (status, code, expected) => {
    expect(isTokenRejection(status, code)).toBe(expected);
  });
});
