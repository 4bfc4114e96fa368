/**
 * Images found by id through a list API that cannot fetch several ids at once (ListCicdImages filters one
 * `image_id`; ListImageLocal has no id filter at all). Keys are grouped by repository: a repository asked
 * for one image costs one narrowly filtered list; several images of a repository cost one list of the
 * whole repository (limit 200, paged further only past 200). Results are matched on the id exactly.
 */
import DataLoader from 'dataloader';
import type { HssPage } from '../upstream/hss/types';
import { asError } from './settle';

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

/** Pages of 200 (the APIs' maximum): the first says how many there are, the rest are fetched together. */
const PAGE = 200;

async function listAll<R>(source: ImageByIdSource<unknown, R>, query: object): Promise<R[]> {
  const first = await source.list(query, 0, PAGE);
  const offsets: number[] = [];
  for (
    let offset = first.data_list.length;
    offset < first.total_num && first.data_list.length > 0;
    offset += PAGE
  )
    offsets.push(offset);
  const rest = await Promise.all(offsets.map((offset) => source.list(query, offset, PAGE)));
  return [first, ...rest].flatMap((page) => page.data_list);
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
    { cacheKeyFn: (key) => source.keyId(key) },
  );
}
