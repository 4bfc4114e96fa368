import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import { BodyTooLargeError, readBody } from './readBody';
import { sendGraphQLError } from './sendGraphQLError';
import type { TrustedDocumentResolution } from './trustedDocuments';

export interface GraphQLHandlerOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  maxBodyBytes: number;
  /** Builds the per-request context (loaders, logger, abort signal) once Apollo accepts the request. */
  buildContext: () => Promise<TContext>;
  /** Swaps a trusted document id for its text, or refuses the request (see trustedDocuments.ts). */
  resolveDocument?: (request: HTTPGraphQLRequest) => TrustedDocumentResolution;
}

/**
 * The node:http adapter for Apollo Server: a tiny translation between IncomingMessage/ServerResponse and
 * Apollo's framework-free `executeHTTPGraphQLRequest`, the same split graphql-http makes.
 */
export async function handleGraphQLRequest<TContext extends BaseContext>(
  request: IncomingMessage,
  response: ServerResponse,
  options: GraphQLHandlerOptions<TContext>,
): Promise<void> {
  let body: unknown;
  if (request.method === 'POST') {
    let text: string;
    try {
      text = await readBody(request, options.maxBodyBytes);
    } catch (error) {
      // The rest of the body is never read, so the connection cannot carry another request: close it.
      if (error instanceof BodyTooLargeError)
        return sendGraphQLError(response, 413, 'BAD_REQUEST', error.message, { connection: 'close' });
      throw error;
    }
    const contentType = request.headers['content-type'] ?? '';
    if (contentType.includes('json')) {
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        return sendGraphQLError(response, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
      }
    } else {
      body = text;
    }
  }

  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = request.url ?? '/';
  const queryStart = url.indexOf('?');

  let httpGraphQLRequest: HTTPGraphQLRequest = {
    method: (request.method ?? 'GET').toUpperCase(),
    headers,
    search: queryStart === -1 ? '' : url.slice(queryStart),
    body,
  };
  if (options.resolveDocument) {
    const resolved = options.resolveDocument(httpGraphQLRequest);
    if (!resolved.ok) return sendGraphQLError(response, resolved.status, resolved.code, resolved.message);
    httpGraphQLRequest = resolved.request;
  }

  const result = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest,
    context: options.buildContext,
  });

  for (const [name, value] of result.headers) response.setHeader(name, value);
  response.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) {
    response.write(chunk);
  }
  response.end();
}
