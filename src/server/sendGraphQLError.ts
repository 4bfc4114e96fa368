import type { ServerResponse } from 'node:http';
import type { ErrorCode } from '../errors/codes';

/** Answers a request refused before GraphQL execution with a GraphQL-shaped error body. */
export function sendGraphQLError(
  response: ServerResponse,
  status: number,
  code: ErrorCode | 'BAD_REQUEST',
  message: string,
  extraHeaders: Record<string, string> = {},
): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...extraHeaders });
  response.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}
