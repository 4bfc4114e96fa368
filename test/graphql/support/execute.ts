/** Runs operations through a real ApolloServer (the gateway's schema, formatError and context). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import pino from 'pino';
import { createRequestContext, type GatewayContext } from '../../../src/graphql/context';
import { formatError } from '../../../src/graphql/errors';
import { resolvers, typeDefs } from '../../../src/server/schema';
import type { FakeUpstream } from './fakeUpstream';

export const OPERATIONS_DIR = path.join(__dirname, '../../../operations');

export function operation(name: string): string {
  return readFileSync(path.join(OPERATIONS_DIR, `${name}.graphql`), 'utf8');
}

let server: ApolloServer<GatewayContext> | undefined;

async function apollo(): Promise<ApolloServer<GatewayContext>> {
  if (!server) {
    server = new ApolloServer<GatewayContext>({ typeDefs, resolvers, formatError });
    await server.start();
  }
  return server;
}

export interface Result {
  data: Record<string, unknown> | null | undefined;
  errors: readonly GraphQLFormattedError[] | undefined;
}

/** Executes `query` with a fresh per-request context over the fake clients. */
export async function run(
  upstream: FakeUpstream,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Result> {
  const contextValue = createRequestContext({
    clients: upstream.clients,
    logger: pino({ level: 'silent' }),
    signal: new AbortController().signal,
    requestId: 'test-request',
    quota: () => Promise.resolve([]),
  });
  const response = await (await apollo()).executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  const { data, errors } = response.body.singleResult;
  return { data: data as Record<string, unknown> | null | undefined, errors };
}

export function errorCodes(result: Result): unknown[] {
  return (result.errors ?? []).map((error) => error.extensions?.['code']);
}
