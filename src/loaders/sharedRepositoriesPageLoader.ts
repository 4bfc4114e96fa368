/** One page of SWR ListSharedReposDetails per distinct query; its repositories prime `sharedRepository`. */
import type { SwrClient, SwrSharedRepositoriesPage } from '../upstream/clients';
import type { ListSharedReposQuery, SwrShareCenter } from '../upstream/swr/types';
import { createCallLoader, type CallLoader } from './callLoader';

export type SharedRepositoriesQuery = ListSharedReposQuery & {
  center: SwrShareCenter;
  limit: number;
  offset: number;
};
export type SharedRepositoriesPageLoader = CallLoader<SharedRepositoriesQuery, SwrSharedRepositoriesPage>;

export function createSharedRepositoriesPageLoader(
  swr: SwrClient,
  signal: AbortSignal,
  onPage: (center: SwrShareCenter, page: SwrSharedRepositoriesPage) => void,
): SharedRepositoriesPageLoader {
  return createCallLoader(async (query: SharedRepositoriesQuery) => {
    const page = await swr.listSharedRepositories(query, { signal });
    onPage(query.center, page);
    return page;
  });
}
