/**
 * Readies the request path before the first client arrives, without an upstream call: each reference query
 * (`operations/`) runs once through Apollo against clients whose every call is refused inside the process.
 * That fills Apollo's parsed-and-validated document cache for the documents frontends send, and runs
 * graphql-js execution, the resolvers, loaders, clients up to the call, and error formatting once, so the
 * first real request does not pay for first-time compilation and lazy set-up (it took several times as
 * long as the next cold page in the benchmark). Nothing is logged or counted for these runs
 * (`GatewayContext.warmUp`).
 */
import type { ApolloServer } from '@apollo/server';
import { parse, type OperationDefinitionNode } from 'graphql';
import type { Logger } from 'pino';
import { UpstreamError } from '../errors/upstreamError';
import { createRequestContext, type GatewayContext } from '../graphql/context';
import { createClients } from '../upstream/createUpstream';
import type { UpstreamHandler } from '../upstream/upstreamCall';
import { readReferenceOperations } from './referenceOperations';

const refuseEveryCall: UpstreamHandler = (call) =>
  Promise.reject(
    new UpstreamError('UPSTREAM_UNAVAILABLE', 'Not sent: start-up warm-up.', {
      service: call.service,
      api: call.api,
    }),
  );

/** Resolves with how many reference queries ran; never rejects (a failed warm-up only costs speed). */
export async function warmUpRequestPath(
  apollo: ApolloServer<GatewayContext>,
  options: { region: string; logger: Logger },
): Promise<number> {
  const clients = createClients(refuseEveryCall, { projectId: 'warm-up', region: options.region });
  const signal = new AbortController().signal;
  let ran = 0;
  for (const operation of readReferenceOperations()) {
    if (!isQuery(operation.document)) continue; // mutations are never run, not even offline
    try {
      await apollo.executeOperation(
        {
          query: operation.document,
          variables: operation.variables ? (JSON.parse(operation.variables) as Record<string, unknown>) : {},
        },
        {
          contextValue: {
            ...createRequestContext({
              clients,
              logger: options.logger,
              signal,
              requestId: 'warm-up',
              quota: async () => [],
            }),
            warmUp: true,
          },
        },
      );
      ran += 1;
    } catch (error) {
      options.logger.debug({ err: error, operation: operation.name }, 'warm-up run failed');
    }
  }
  return ran;
}

function isQuery(document: string): boolean {
  try {
    return parse(document).definitions.every(
      (definition) =>
        definition.kind !== 'OperationDefinition' ||
        (definition as OperationDefinitionNode).operation === 'query',
    );
  } catch {
    return false;
  }
}
