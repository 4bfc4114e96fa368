/**
 * `GET /v5/{project_id}/image/apps` (ListGlobalImageApps, docs/huawei-cloud-apis.md §A3). limit 10–200;
 * app_name 0–32 characters, case-insensitive substring; is_compliant only `false`. image_type
 * `local`/`cicd` lists the software of those kinds (cicdJoins.ts); none or `registry` lists registry
 * images'. Order: by image, then the image's own order (stable).
 */
import type { HssGlobalImageApp, HssPage } from '../../../upstream/hss/types';
import type { ParamReader } from '../../params';
import type { RouteContext, RouteDefinition, RouteResult } from '../types';
import { globalAppsOfKind } from './cicdJoins';
import { hssParams, paging } from './common';

function listGlobalImageApps(context: RouteContext): RouteResult {
  const params: ParamReader = hssParams(context.query);
  const { limit, offset } = paging(params, 10);
  params.text('enterprise_project_id', 1, 256);
  const imageType = params.oneOf('image_type', ['local', 'registry', 'cicd'] as const);
  const appName = params.text('app_name', 0, 32);
  const compliant = params.bool('is_compliant');
  if (compliant === true) params.fail('is_compliant only supports false');
  if (imageType === 'local' || imageType === 'cicd') {
    const query = { appName: appName || undefined, nonCompliantOnly: compliant === false, offset, limit };
    return { status: 200, body: globalAppsOfKind(context, imageType, query) };
  }
  const { total, items } = context.dataset.software.page({
    appName: appName === '' ? undefined : appName,
    nonCompliantOnly: compliant === false,
    offset,
    limit,
  });
  const body: HssPage<HssGlobalImageApp> = { total_num: total, data_list: items };
  return { status: 200, body };
}

export const listGlobalImageAppsRoute: RouteDefinition = {
  id: 'hss.listGlobalImageApps',
  method: 'GET',
  path: '/v5/:project_id/image/apps',
  service: 'hss',
  auth: 'token',
  rateLimited: true,
  readsBody: false,
  handle: listGlobalImageApps,
};
