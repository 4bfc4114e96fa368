/**
 * A loader for upstream calls that cannot be batched (one query, one call): it exists so that the same
 * call is made once per operation however many fields ask for it (aliases, repeated fragments, node()).
 */
import DataLoader from 'dataloader';
import { settleEach } from './settle';
import { stableKey } from './stableKey';
import { dispatchBatch } from './batchSchedule';

export type CallLoader<Q extends object, R> = DataLoader<Q, R, string>;

export function createCallLoader<Q extends object, R>(
  call: (query: Q) => Promise<R>,
  onResult?: (result: R) => void,
): CallLoader<Q, R> {
  return new DataLoader<Q, R, string>(
    (queries) =>
      settleEach(queries, async (query) => {
        const result = await call(query);
        onResult?.(result);
        return result;
      }),
    { batchScheduleFn: dispatchBatch, cacheKeyFn: stableKey },
  );
}
