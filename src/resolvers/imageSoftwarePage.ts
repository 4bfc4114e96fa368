/**
 * `apps` of any image kind: one page of its software from the loader of that kind (each page one HSS
 * call, keyed by the image's scan state), marked stale where it was served stale.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../graphql/context';
import type { ImageModel } from '../graphql/imageKindModels';
import type { ImageAppPage } from '../graphql/models';
import { HSS_APPS_LIMITS, pageOf, pageRequest } from '../graphql/pagination';
import { noteIfStale } from '../graphql/staleFields';
import type { HssImageApp, HssPage } from '../upstream/hss/types';

export interface SoftwarePageArgs {
  filter?: { name?: string | null } | null;
  first?: number | null;
  after?: string | null;
}

export type SoftwarePageLoad = (page: {
  offset: number;
  limit: number;
  appName?: string;
}) => Promise<HssPage<HssImageApp>>;

export async function imageSoftwarePage(
  image: ImageModel,
  { filter, first, after }: SoftwarePageArgs,
  { staleFields }: Pick<GatewayContext, 'staleFields'>,
  info: GraphQLResolveInfo,
  load: SoftwarePageLoad,
): Promise<ImageAppPage> {
  const request = pageRequest(first, after, HSS_APPS_LIMITS);
  const appName = filter?.name ? { appName: filter.name } : {};
  const page = noteIfStale(
    staleFields,
    info,
    await load({ offset: request.offset, limit: request.limit, ...appName }),
  );
  const apps = page.data_list.map((app) => ({ source: 'image' as const, app, image }));
  return pageOf(request, apps, page.total_num);
}
