import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from 'pino';
import { Counter, Histogram, type Registry } from 'prom-client';
import { findUpstreamError } from '../../graphql/errors';
import { currentUpstreamCallTally } from '../../upstream/transport/callTally';

interface LoggingContext extends BaseContext {
  logger: Logger;
}

/**
 * One log line and one metric sample per operation: name, duration, upstream calls per API, quota
 * refusals, stale serves, and how many errors of each code it produced. A spent budget can null dozens
 * of fields per response under load, so field-level upstream failures are logged at debug only.
 * Unexpected errors (no stable code of ours) are logged with their cause, since the client only sees
 * INTERNAL_SERVER_ERROR.
 */
export function operationLoggingPlugin<TContext extends LoggingContext>(
  registry: Registry,
): ApolloServerPlugin<TContext> {
  const duration = new Histogram({
    name: 'gateway_operation_duration_seconds',
    help: 'GraphQL operation latency by operation name.',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'gateway_operation_errors_total',
    help: 'GraphQL errors returned to clients, by extensions.code.',
    labelNames: ['code'],
    registers: [registry],
  });

  const upstreamCalls = new Histogram({
    name: 'gateway_operation_upstream_calls',
    help: 'Upstream requests (HSS, SWR, Workspace, IAM) one GraphQL operation sent, by operation name.',
    labelNames: ['operation'],
    buckets: [0, 1, 2, 5, 10, 20, 50, 100, 200, 500],
    registers: [registry],
  });

  return {
    async requestDidStart({ contextValue }) {
      const tally = currentUpstreamCallTally();
      const started = process.hrtime.bigint();
      return {
        async didEncounterErrors({ errors: encountered }) {
          for (const error of encountered) {
            const upstream = findUpstreamError(error);
            const cause = error.originalError;
            if (upstream) {
              // Expected in operation (quota, outages); the client got a stable code for it, and the
              // operation's line counts it.
              contextValue.logger.debug(
                { code: upstream.code, ...upstream.details, path: error.path },
                'upstream failure served as a field error',
              );
            } else if (cause?.name === 'TimeoutError' || cause?.name === 'AbortError') {
              contextValue.logger.info({ reason: cause.message, path: error.path }, 'request cancelled');
            } else if (typeof error.extensions?.code !== 'string') {
              contextValue.logger.error({ err: cause ?? error, path: error.path }, 'unexpected error');
            }
          }
        },
        async willSendResponse({ operationName, response }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const operation = operationName ?? 'anonymous';
          duration.observe({ operation }, seconds);
          if (tally) upstreamCalls.observe({ operation }, tally.requests);
          const codes =
            response.body.kind === 'single'
              ? (response.body.singleResult.errors ?? []).map((error) =>
                  String(error.extensions?.code ?? 'UNKNOWN'),
                )
              : [];
          const errorCounts: Record<string, number> = {};
          for (const code of codes) {
            errors.inc({ code });
            errorCounts[code] = (errorCounts[code] ?? 0) + 1;
          }
          contextValue.logger.info(
            {
              operation,
              durationMs: Math.round(seconds * 1000),
              upstreamCalls: tally?.requests,
              ...(tally?.fromResponseCache && { responseCache: 'hit' }),
              ...(tally?.requests && { upstreamCallsByApi: tally.requestsByApi }),
              ...(tally &&
                Object.keys(tally.refusedByApi).length > 0 && { quotaRefusedByApi: tally.refusedByApi }),
              ...(tally?.queued && { warmUpsQueued: tally.queued }),
              ...(tally?.stale.length && { staleServed: tally.stale.length }),
              ...(codes.length > 0 && { errorCodes: errorCounts }),
            },
            'graphql operation',
          );
        },
      };
    },
  };
}
