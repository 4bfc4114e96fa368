/**
 * Fields answered with an older value because the call for them could not be made now (quota spent,
 * breaker open, upstream failing). Resolvers that hand on an upstream value note it here; the response
 * lists them in `extensions.upstream.stale`, so a frontend can say "as of 3 min ago" for exactly those.
 */
import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import { stalenessOf } from '../upstream/staleness';

export interface StaleField {
  path: readonly (string | number)[];
  api: string;
  ageMs: number;
  reason: string;
}

/** Records `info.path` as stale when `value` was served stale; returns `value`. */
export function noteIfStale<T>(staleFields: StaleField[], info: GraphQLResolveInfo, value: T): T {
  const serve = stalenessOf(value);
  if (serve) staleFields.push({ path: responsePathAsArray(info.path), ...serve });
  return value;
}
