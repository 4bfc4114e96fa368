/**
 * The per-image calls for a CI/CD image (`image_type=cicd`): only the id in the path names it (namespace,
 * image_name and tag_name are not needed, as the files-statistics page says), so an unknown id is HSS.0011.
 * Software rows of the global list for `image_type=cicd|local` come from the same store.
 */
import type { HssGlobalImageApp, HssImageApp, HssImageFilesStat, HssPage } from '../../../upstream/hss/types';
import type { CicdImageEntry } from '../../data/imageKinds';
import { hssNotFound } from '../../errors';
import type { RouteContext } from '../types';
import { perImageAppsPage } from './imageKindFilters';

function cicdImageOf(context: RouteContext): CicdImageEntry {
  const imageId = context.params.image_id ?? '';
  const entry = context.dataset.imageKinds.cicdImage(imageId);
  if (!entry) throw hssNotFound(`no cicd image with id ${imageId}`);
  return entry;
}

export function cicdImageAppsPage(
  context: RouteContext,
  offset: number,
  limit: number,
  appName: string | undefined,
): HssPage<HssImageApp> {
  return perImageAppsPage(context.dataset.imageKinds.appsOf(cicdImageOf(context)), offset, limit, appName);
}

export function cicdImageFilesStat(context: RouteContext): HssImageFilesStat {
  return context.dataset.imageKinds.cicdFilesStat(cicdImageOf(context));
}

/** ListGlobalImageApps for one non-registry kind: its images' software, in image order. */
export function globalAppsOfKind(
  context: RouteContext,
  kind: 'cicd' | 'local',
  query: { appName?: string; nonCompliantOnly: boolean; offset: number; limit: number },
): HssPage<HssGlobalImageApp> {
  const needle = query.appName?.toLowerCase();
  const rows = context.dataset.imageKinds
    .allApps(kind)
    .filter(
      (app) =>
        (!needle || app.app_name.toLowerCase().includes(needle)) &&
        (!query.nonCompliantOnly || !app.is_compliant),
    );
  return { total_num: rows.length, data_list: rows.slice(query.offset, query.offset + query.limit) };
}
