/**
 * When a response was limited by the upstream quota, answered with older values, or left warm-ups queued,
 * it says so in `extensions.upstream`: calls sent per API, calls refused per API, warm-ups queued, and the
 * stale fields (path, API, age, reason). Responses served normally carry nothing extra.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../../graphql/context';
import type { StaleField } from '../../graphql/staleFields';
import { currentUpstreamCallTally, type StaleServe } from '../../upstream/transport/callTally';

export interface UpstreamReport {
  calls: Record<string, number>;
  refused?: Record<string, number>;
  queued?: number;
  stale?: (StaleServe & { path?: readonly (string | number)[] })[];
}

export function upstreamReportPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      const tally = currentUpstreamCallTally();
      return {
        async willSendResponse({ response, contextValue }) {
          if (!tally || response.body.kind !== 'single') return;
          const refused = Object.keys(tally.refusedByApi).length > 0;
          if (!refused && tally.stale.length === 0 && tally.queued === 0) return;
          const report: UpstreamReport = { calls: { ...tally.requestsByApi } };
          if (refused) report.refused = { ...tally.refusedByApi };
          if (tally.queued > 0) report.queued = tally.queued;
          const stale = staleEntries(contextValue.staleFields, tally.stale);
          if (stale.length > 0) report.stale = stale;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, upstream: report };
        },
      };
    },
  };
}

/** The stale fields by path, plus any stale serve no field claimed (it still shaped the answer). */
function staleEntries(
  fields: readonly StaleField[],
  serves: readonly StaleServe[],
): UpstreamReport['stale'] & object {
  const claimed = new Set(fields.map((field) => `${field.api}|${field.ageMs}|${field.reason}`));
  const unclaimed = serves.filter((serve) => !claimed.has(`${serve.api}|${serve.ageMs}|${serve.reason}`));
  return [...fields.map((field) => ({ ...field })), ...unclaimed.map((serve) => ({ ...serve }))];
}
