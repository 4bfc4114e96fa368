/** One page of HSS ListGlobalImageApps (software across all images) per distinct query. */
import type { HssClient } from '../upstream/clients';
import type { HssGlobalImageApp, HssPage, ListGlobalImageAppsQuery } from '../upstream/hss/types';
import { createCallLoader, type CallLoader } from './callLoader';

export type GlobalImageAppsPageLoader = CallLoader<ListGlobalImageAppsQuery, HssPage<HssGlobalImageApp>>;

export function createGlobalImageAppsPageLoader(
  hss: HssClient,
  signal: AbortSignal,
): GlobalImageAppsPageLoader {
  return createCallLoader((query: ListGlobalImageAppsQuery) => hss.listGlobalImageApps(query, { signal }));
}
