/**
 * Whole responses of identical queries (same document, operation name and variables), reused while every
 * upstream answer in them is still fresh. A hit skips execution entirely: no resolver, loader or pipeline
 * walk, where a warm dashboard otherwise reads ~40 cached upstream answers one by one.
 *
 * What is stored, and for how long:
 * - queries only, answered without errors, older (stale) values, quota refusals or queued warm-ups;
 * - built from at least one upstream answer, every one of them cacheable (the request's tally says which,
 *   see callTally.ts); the response lives until the first of them stops being fresh, at most `maxTtlMs`;
 * - `data` only: extensions describe one request (what it cost), not the answer;
 * - in the pipeline's cache store, tagged with the tags of the answers it was built from, so the
 *   invalidation a scan makes removes it too (in every replica when the store is Redis);
 * - not when a tag invalidation happened while it was computed: it may predate it.
 *
 * Identical requests arriving together each execute (their upstream calls are coalesced and cached below);
 * the last one to finish stores the response.
 */
import { createHash } from 'node:crypto';
import {
  HeaderMap,
  type ApolloServerPlugin,
  type BaseContext,
  type GraphQLRequestContextResponseForOperation,
} from '@apollo/server';
import { Counter, type Registry } from 'prom-client';
import type { CacheStore } from '../../upstream/pipeline/state/cacheStore';
import type { InvalidationEpoch } from '../../upstream/pipeline/state/invalidationEpoch';
import { currentUpstreamCallTally, type UpstreamCallTally } from '../../upstream/transport/callTally';

export interface ResponseCacheOptions {
  store: CacheStore;
  invalidations: InvalidationEpoch;
  maxTtlMs: number;
  /** Changes whenever the schema does, so replicas of another version never share responses. */
  schemaVersion: string;
  registry: Registry;
  now?: () => number;
}

type Lookup = 'hit' | 'miss' | 'stored' | 'not-cacheable';

export function responseCachePlugin(options: ResponseCacheOptions): ApolloServerPlugin {
  const now = options.now ?? Date.now;
  const lookups = new Counter({
    name: 'gateway_response_cache_total',
    help: 'Whole-response cache: hits, misses, responses stored, responses that could not be stored.',
    labelNames: ['result'],
    registers: [options.registry],
  });
  const count = (result: Lookup): void => lookups.inc({ result });
  const keyOf = (context: GraphQLRequestContextResponseForOperation<BaseContext>): string =>
    `graphql-response:${options.schemaVersion}:${createHash('sha256')
      .update(`${context.queryHash ?? ''}\0${context.operationName ?? ''}\0`)
      .update(JSON.stringify(context.request.variables ?? {}))
      .digest('base64url')}`;

  return {
    async requestDidStart() {
      const tally = currentUpstreamCallTally();
      const epoch = options.invalidations.current;
      let key: string | undefined;
      return {
        async responseForOperation(context) {
          if (!tally || context.operation.operation !== 'query') return null;
          key = keyOf(context);
          const entry = await options.store.get(key).catch(() => undefined);
          if (!entry || now() >= entry.freshUntil) {
            count('miss');
            return null;
          }
          count('hit');
          tally.fromResponseCache = true;
          return {
            http: { headers: new HeaderMap(), status: undefined },
            body: { kind: 'single', singleResult: { data: entry.result.body as Record<string, unknown> } },
          };
        },
        async willSendResponse({ response }) {
          if (!key || !tally || tally.fromResponseCache || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          const storedAt = now();
          const freshUntil = Math.min(tally.answers.freshUntil, storedAt + options.maxTtlMs);
          if (errors?.length || !data || !reusable(tally) || freshUntil <= storedAt) {
            count('not-cacheable');
            return;
          }
          if (epoch !== options.invalidations.current) return count('not-cacheable');
          const entry = {
            result: { status: 200, headers: {}, body: data },
            storedAt,
            freshUntil,
            staleUntil: freshUntil,
            tags: [...tally.answers.tags],
          };
          // Not awaited: the client need not wait for the write (a Redis round trip in shared mode).
          void options.store.set(key, entry, freshUntil - storedAt).then(
            () => count('stored'),
            () => count('not-cacheable'),
          );
        },
      };
    },
  };
}

/** Built from upstream answers only, each served normally (nothing refused, queued or older). */
function reusable(tally: UpstreamCallTally): boolean {
  return (
    tally.answers.used > 0 &&
    tally.stale.length === 0 &&
    tally.queued === 0 &&
    Object.keys(tally.refusedByApi).length === 0
  );
}
