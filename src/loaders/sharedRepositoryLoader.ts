/**
 * SWR shared repositories by center + namespace + name. SWR can only list (its name filter is fuzzy, so
 * matches are exact post-filters), and the cheapest plan depends on how many repositories a request needs:
 *
 * - one repository: one list filtered by its namespace and name (one call, whatever the center's size);
 * - several: the center's first page (limit 100) tells the total; the rest of the center is paged through
 *   when that costs no more calls than one filtered list per repository still missing, else those
 *   filtered lists are made instead.
 *
 * Whatever was fetched is remembered for the rest of the request, however many batches ask.
 */
import { SWR_SHARED_REPOS_PAGE } from '../upstream/facts';
import { withRemainingPages } from './remainingPages';
import DataLoader from 'dataloader';
import type { SwrClient, SwrSharedRepositoriesPage } from '../upstream/clients';
import type { SwrShareCenter, SwrSharedRepository } from '../upstream/swr/types';
import { settleEach } from './settle';
import { dispatchLeadingBatch } from './batchSchedule';

export interface SharedRepositoryKey {
  center: SwrShareCenter;
  namespace: string;
  name: string;
}

export type SharedRepositoryLoader = DataLoader<SharedRepositoryKey, SwrSharedRepository | null, string>;

export function sharedRepositoryKey(key: SharedRepositoryKey): string {
  // NUL cannot occur in SWR names: the parts cannot run into each other.
  return `${key.center}\0${key.namespace}\0${key.name}`;
}

export function primeSharedRepositories(
  loader: SharedRepositoryLoader,
  center: SwrShareCenter,
  repos: readonly SwrSharedRepository[],
): void {
  for (const repo of repos) loader.prime({ center, namespace: repo.namespace, name: repo.name }, repo);
}

type Index = Map<string, SwrSharedRepository>;

/** What one request has learnt about one share center. */
interface CenterState {
  firstPage?: Promise<SwrSharedRepositoriesPage>;
  /** The whole center, once paged through. */
  whole?: Promise<Index>;
  /** Answers of filtered lookups, by key. */
  looked: Map<string, Promise<SwrSharedRepository | null>>;
}

/**
 * Indexes by page: a cached page is the same array for every request that reads it, so a warm dashboard
 * does not index the same 100 repositories again on each load.
 */
const indexes = new WeakMap<readonly SwrSharedRepository[], Index>();

function indexOf(center: SwrShareCenter, repos: readonly SwrSharedRepository[]): Index {
  let index = indexes.get(repos);
  if (!index) {
    index = new Map(
      repos.map((repo) => [
        sharedRepositoryKey({ center, namespace: repo.namespace, name: repo.name }),
        repo,
      ]),
    );
    indexes.set(repos, index);
  }
  return index;
}

export function createSharedRepositoryLoader(swr: SwrClient, signal: AbortSignal): SharedRepositoryLoader {
  const centers = new Map<SwrShareCenter, CenterState>();
  const stateOf = (center: SwrShareCenter): CenterState => {
    let state = centers.get(center);
    if (!state) centers.set(center, (state = { looked: new Map() }));
    return state;
  };
  const page = (center: SwrShareCenter, offset: number) =>
    swr.listSharedRepositories({ center, limit: SWR_SHARED_REPOS_PAGE, offset }, { signal });

  /** One list filtered by namespace and name; pages on only if fuzzy matches crowd the exact one out. */
  const lookUp = async (key: SharedRepositoryKey): Promise<SwrSharedRepository | null> => {
    const { center, namespace, name } = key;
    for (let offset = 0; ; offset += SWR_SHARED_REPOS_PAGE) {
      const result = await swr.listSharedRepositories(
        { center, namespace, name, limit: SWR_SHARED_REPOS_PAGE, offset },
        { signal },
      );
      const exact = result.items.find((repo) => repo.namespace === namespace && repo.name === name);
      if (exact) return exact;
      if (result.items.length === 0 || offset + result.items.length >= result.total) return null;
    }
  };
  const lookUpOnce = (state: CenterState, key: SharedRepositoryKey) => {
    const id = sharedRepositoryKey(key);
    let found = state.looked.get(id);
    if (!found) state.looked.set(id, (found = lookUp(key)));
    return found;
  };

  const wholeCenter = async (center: SwrShareCenter, first: SwrSharedRepositoriesPage): Promise<Index> => {
    const all = await withRemainingPages(first, SWR_SHARED_REPOS_PAGE, (offset) => page(center, offset));
    return indexOf(center, all);
  };

  const loadCenter = async (center: SwrShareCenter, keys: readonly SharedRepositoryKey[]) => {
    const state = stateOf(center);
    if (state.whole) {
      const whole = await state.whole;
      return (key: SharedRepositoryKey) => Promise.resolve(whole.get(sharedRepositoryKey(key)) ?? null);
    }
    const unseen = keys.filter((key) => !state.looked.has(sharedRepositoryKey(key)));
    if (state.firstPage === undefined && unseen.length <= 1)
      return (key: SharedRepositoryKey) => lookUpOnce(state, key);

    state.firstPage ??= page(center, 0);
    const first = await state.firstPage;
    const firstIndex = indexOf(center, first.items);
    const missing = unseen.filter((key) => !firstIndex.has(sharedRepositoryKey(key)));
    const remainingPages = Math.ceil(Math.max(0, first.total - first.items.length) / SWR_SHARED_REPOS_PAGE);
    if (remainingPages === 0 || (missing.length > 0 && remainingPages <= missing.length)) {
      state.whole ??= wholeCenter(center, first);
      const whole = await state.whole;
      return (key: SharedRepositoryKey) => Promise.resolve(whole.get(sharedRepositoryKey(key)) ?? null);
    }
    return (key: SharedRepositoryKey) => {
      const found = firstIndex.get(sharedRepositoryKey(key));
      return found ? Promise.resolve(found) : lookUpOnce(state, key);
    };
  };

  return new DataLoader<SharedRepositoryKey, SwrSharedRepository | null, string>(
    async (keys) => {
      const byCenter = new Map<SwrShareCenter, SharedRepositoryKey[]>();
      for (const key of keys) byCenter.set(key.center, [...(byCenter.get(key.center) ?? []), key]);
      const resolvers = new Map(
        [...byCenter].map(([center, centerKeys]) => [center, loadCenter(center, centerKeys)] as const),
      );
      return settleEach(keys, async (key) => (await resolvers.get(key.center)!)(key));
    },
    { batchScheduleFn: dispatchLeadingBatch, cacheKeyFn: sharedRepositoryKey },
  );
}
