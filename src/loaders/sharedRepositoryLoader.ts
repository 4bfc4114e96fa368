/**
 * SWR shared repositories by center + namespace + name. SWR can only list (and its name filter is fuzzy),
 * so one wide list per center serves every key: the whole center is paged through with limit 100 (the
 * first page tells the total, the rest are fetched together), indexed by exact namespace/name, once per
 * request however many batches ask.
 */
import DataLoader from 'dataloader';
import type { SwrClient, SwrSharedRepositoriesPage } from '../upstream/clients';
import type { SwrShareCenter, SwrSharedRepository } from '../upstream/swr/types';
import { asError } from './settle';

export interface SharedRepositoryKey {
  center: SwrShareCenter;
  namespace: string;
  name: string;
}

export type SharedRepositoryLoader = DataLoader<SharedRepositoryKey, SwrSharedRepository | null, string>;

/** SWR's documented default (and customary maximum) page size. */
export const SWR_PAGE_SIZE = 100;

export function sharedRepositoryKey(key: SharedRepositoryKey): string {
  return JSON.stringify([key.center, key.namespace, key.name]);
}

async function listWholeCenter(
  swr: SwrClient,
  center: SwrShareCenter,
  signal: AbortSignal,
): Promise<SwrSharedRepository[]> {
  const limit = SWR_PAGE_SIZE;
  const first = await swr.listSharedRepositories({ center, limit, offset: 0 }, { signal });
  const offsets: number[] = [];
  for (let offset = first.items.length; offset < first.total && first.items.length > 0; offset += limit) {
    offsets.push(offset);
  }
  const rest: SwrSharedRepositoriesPage[] = await Promise.all(
    offsets.map((offset) => swr.listSharedRepositories({ center, limit, offset }, { signal })),
  );
  return [first, ...rest].flatMap((page) => page.items);
}

export function primeSharedRepositories(
  loader: SharedRepositoryLoader,
  center: SwrShareCenter,
  repos: readonly SwrSharedRepository[],
): void {
  for (const repo of repos) loader.prime({ center, namespace: repo.namespace, name: repo.name }, repo);
}

export function createSharedRepositoryLoader(swr: SwrClient, signal: AbortSignal): SharedRepositoryLoader {
  const centers = new Map<SwrShareCenter, Promise<Map<string, SwrSharedRepository>>>();
  const indexOf = (center: SwrShareCenter): Promise<Map<string, SwrSharedRepository>> => {
    let index = centers.get(center);
    if (!index) {
      index = listWholeCenter(swr, center, signal).then(
        (repos) => new Map(repos.map((repo) => [sharedRepositoryKey({ center, ...repo }), repo])),
      );
      centers.set(center, index);
    }
    return index;
  };
  return new DataLoader<SharedRepositoryKey, SwrSharedRepository | null, string>(
    (keys) =>
      Promise.all(
        keys.map(async (key) => {
          try {
            return (await indexOf(key.center)).get(sharedRepositoryKey(key)) ?? null;
          } catch (error) {
            return asError(error);
          }
        }),
      ),
    { cacheKeyFn: sharedRepositoryKey },
  );
}
