import { GraphQLError } from 'graphql';
import { UpstreamError } from '../../src/errors/upstreamError';
import { formatError, notFoundError, userInputError } from '../../src/graphql/errors';

const located = {
  message: 'whatever',
  locations: [{ line: 1, column: 3 }],
  path: ['containerImages', 'nodes', 0, 'apps'],
};

function upstream(code: UpstreamError['code'], extra: Partial<UpstreamError['details']> = {}): UpstreamError {
  return new UpstreamError(
    code,
    'GET https://hss.cn-north-4.myhuaweicloud.com/v5/0a1b2c3d/image/apps failed: {"token":"MIIx"}',
    {
      service: 'hss',
      api: 'hss.listImageApps',
      status: 400,
      errorCode: 'HSS.0011',
      errorMessage: 'project 0a1b2c3d has no image',
      requestId: 'abc123',
      ...extra,
    },
  );
}

describe('formatError', () => {
  it('maps an UpstreamError wrapped by GraphQL to its code and safe upstream details', () => {
    const wrapped = new GraphQLError('x', { originalError: upstream('NOT_FOUND') });
    const formatted = formatError(
      { ...located, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['…'] } },
      wrapped,
    );
    expect(formatted).toEqual({
      message: 'HSS does not know the requested object.',
      locations: located.locations,
      path: located.path,
      extensions: {
        code: 'NOT_FOUND',
        upstream: { service: 'hss', status: 400, errorCode: 'HSS.0011', requestId: 'abc123' },
      },
    });
    expect(JSON.stringify(formatted)).not.toMatch(/https|0a1b2c3d|MIIx|token/);
  });

  it('finds an UpstreamError in a cause chain and keeps retryAfterMs', () => {
    const cause = upstream('UPSTREAM_RATE_LIMITED', {
      status: 429,
      errorCode: 'APIGW.0308',
      retryAfterMs: 4000,
    });
    const wrapped = new GraphQLError('x', { originalError: new Error('loader failed', { cause }) });
    expect(formatError(located, wrapped).extensions).toEqual({
      code: 'UPSTREAM_RATE_LIMITED',
      retryAfterMs: 4000,
      upstream: { service: 'hss', status: 429, errorCode: 'APIGW.0308', requestId: 'abc123' },
    });
  });

  it('omits upstream details that are absent (no response arrived)', () => {
    const timeout = new UpstreamError('UPSTREAM_TIMEOUT', 'timeout', {
      service: 'swr',
      api: 'swr.listSharedRepositories',
    });
    expect(formatError(located, timeout)).toMatchObject({
      message: 'SWR did not answer in time.',
      extensions: { code: 'UPSTREAM_TIMEOUT', upstream: { service: 'swr' } },
    });
  });

  it('keeps our own client errors', () => {
    const input = userInputError('`first` must be between 1 and 200.');
    expect(
      formatError({ ...located, message: input.message, extensions: { code: 'BAD_USER_INPUT' } }, input),
    ).toEqual({
      message: input.message,
      locations: located.locations,
      path: located.path,
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const missing = notFoundError('Container image a/b:c');
    expect(formatError({ message: missing.message, extensions: { code: 'NOT_FOUND' } }, missing)).toEqual({
      message: 'Container image a/b:c was not found.',
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it("keeps Apollo's validation codes", () => {
    const formatted = {
      message: 'Cannot query field "nope" on type "Query".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    };
    expect(formatError(formatted, new GraphQLError(formatted.message))).toEqual(formatted);
  });

  it('hides internal errors behind a generic message', () => {
    const secret = new TypeError("Cannot read properties of undefined (reading 'token')");
    const formatted = formatError(
      {
        ...located,
        message: secret.message,
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] },
      },
      new GraphQLError(secret.message, { originalError: secret }),
    );
    expect(formatted).toEqual({
      message: 'Internal server error.',
      locations: located.locations,
      path: located.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});
