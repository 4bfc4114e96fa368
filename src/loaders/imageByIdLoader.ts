/**
 * Images found by id through a list API that cannot fetch several ids at once (ListCicdImages filters one
 * `image_id`; ListImageLocal has no id filter at all). Keys are grouped by repository: a repository asked
 * for one image costs one narrowly filtered list; several images of a repository cost one list of the
 * whole repository (limit 200, paged further only past 200). Results are matched on the id exactly.
 */
import DataLoader from 'dataloader';
import type { HssPage } from '../upstream/hss/types';
import { withRemainingPages } from './remainingPages';
import { asError } from './settle';
import { dispatchBatch } from './batchSchedule';

export interface ImageByIdSource<K, R> {
  /** Keys with the same group are served by one repository-wide list. */
  groupOf(key: K): string;
  /** The query for one key alone (the narrowest the API allows). */
  oneQuery(key: K): object;
  /** The query for a whole group. */
  groupQuery(key: K): object;
  /** One page of the list API. */
  list(query: object, offset: number, limit: number): Promise<HssPage<R>>;
  keyId(key: K): string;
  /** Exact post-filter: list filters may be fuzzy. */
  belongs(record: R, key: K): boolean;
}

/** Pages of 200, the most these list APIs return in one call. */
const PAGE = 200;

async function listAll<R>(source: ImageByIdSource<unknown, R>, query: object): Promise<readonly R[]> {
  const page = async (offset: number) => {
    const answer = await source.list(query, offset, PAGE);
    return { items: answer.data_list, total: answer.total_num };
  };
  return withRemainingPages(await page(0), PAGE, page);
}

export type ImageByIdLoader<K, R> = DataLoader<K, R | null, string>;

export function createImageByIdLoader<K, R>(source: ImageByIdSource<K, R>): ImageByIdLoader<K, R> {
  return new DataLoader<K, R | null, string>(
    async (keys) => {
      const groups = new Map<string, K[]>();
      for (const key of keys)
        groups.set(source.groupOf(key), [...(groups.get(source.groupOf(key)) ?? []), key]);
      const found = new Map<string, R | Error>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const [first] = group as [K, ...K[]];
          const query = group.length === 1 ? source.oneQuery(first) : source.groupQuery(first);
          try {
            const records = await listAll(source as ImageByIdSource<unknown, R>, query);
            for (const key of group) {
              const record = records.find((candidate) => source.belongs(candidate, key));
              if (record) found.set(source.keyId(key), record);
            }
          } catch (error) {
            for (const key of group) found.set(source.keyId(key), asError(error));
          }
        }),
      );
      return keys.map((key) => found.get(source.keyId(key)) ?? null);
    },
    { batchScheduleFn: dispatchBatch, cacheKeyFn: (key) => source.keyId(key) },
  );
}
