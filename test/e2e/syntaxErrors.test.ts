/**
 * Documents the parser refuses (syntax errors, invalid UTF-8, too many tokens) are the client's mistake:
 * HTTP 400 with a parse or validation code, no upstream call, and never counted or logged as a server error.
 */
import { request } from 'undici';
import { errorCodes, startStack, type Stack } from './harness';
import { metricSum } from './support/observe';

const CLIENT_CODES = ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED'];

describe('documents the parser refuses', () => {
  let stack: Stack;
  const logLines: string[] = [];
  beforeAll(async () => {
    stack = await startStack({ logLines });
  });
  afterAll(() => stack.close());

  async function post(body: Buffer | string) {
    const response = await request(stack.gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const parsed = (await response.body.json()) as {
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    };
    return { status: response.statusCode, body: parsed };
  }

  const invalidUtf8 = Buffer.concat([
    Buffer.from('{"query":"{ contain'),
    Buffer.from([0xff, 0xfe]),
    Buffer.from('erImages(first: 1) { totalCount } }"}'),
  ]);
  const cases: [string, Buffer | string][] = [
    ['an unclosed selection', JSON.stringify({ query: '{' })],
    ['invalid UTF-8 in a field name', invalidUtf8],
    [
      'a document of 500 directives (over the token limit)',
      JSON.stringify({ query: `{ __typename ${'@skip(if: false) '.repeat(500)}}` }),
    ],
    [
      'a document of 1,000 aliased fields (over the token limit)',
      JSON.stringify({
        query: `{ ${Array.from({ length: 1000 }, (_, k) => `f${k}: __typename`).join(' ')} }`,
      }),
    ],
  ];

  it.each(cases)('answers 400 with a parse code for %s, before any upstream call', async (_name, body) => {
    stack.resetCalls();
    const serverErrorsBefore = await metricSum(stack.gateway, 'gateway_operation_errors_total', {
      code: 'INTERNAL_SERVER_ERROR',
    });
    logLines.length = 0;

    const response = await post(body);

    expect(response.status).toBe(400);
    const codes = errorCodes(response);
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(CLIENT_CODES).toContain(code);
    expect(stack.calls()).toEqual({});
    expect(
      await metricSum(stack.gateway, 'gateway_operation_errors_total', { code: 'INTERNAL_SERVER_ERROR' }),
    ).toBe(serverErrorsBefore);
    // Nothing at error level (pino 50+): a client's typo must not page anyone.
    const errorLines = logLines
      .map((line) => JSON.parse(line) as { level: number })
      .filter((l) => l.level >= 50);
    expect(errorLines).toEqual([]);
  });

  it('counts a parse failure under its own code in the operation errors', async () => {
    const before = await metricSum(stack.gateway, 'gateway_operation_errors_total', {
      code: 'GRAPHQL_PARSE_FAILED',
    });
    await post(JSON.stringify({ query: '{' }));
    expect(
      await metricSum(stack.gateway, 'gateway_operation_errors_total', { code: 'GRAPHQL_PARSE_FAILED' }),
    ).toBe(before + 1);
  });

  it('still accepts a document just under the token limit', async () => {
    const fields = Array.from({ length: 10 }, (_, k) => `f${k}: __typename`).join(' ');
    const response = await post(JSON.stringify({ query: `{ ${fields} }` }));
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });
});
