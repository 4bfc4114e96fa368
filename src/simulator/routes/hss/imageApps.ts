/**
 * `GET /v5/{project_id}/image/{image_id}/apps` (ListImageApps, docs/huawei-cloud-apis.md §A3b). image_type required;
 * namespace/image_name/tag_name required for non-CI/CD types and must match the image; limit 10–200;
 * app_name case-insensitive substring. Items have only the four documented fields.
 */
import type { HssImageApp, HssPage } from '../../../upstream/hss/types';
import type { ParamReader } from '../../params';
import type { RouteContext, RouteDefinition, RouteResult } from '../types';
import { cicdImageAppsPage } from './cicdJoins';
import { hssParams, paging, REGISTRY_IMAGE_TYPES, resolveImage } from './common';

const IMAGE_TYPES = [...REGISTRY_IMAGE_TYPES, 'cicd'] as const;

function listImageApps(context: RouteContext): RouteResult {
  const params: ParamReader = hssParams(context.query);
  const { limit, offset } = paging(params, 10);
  params.text('enterprise_project_id', 1, 256);
  const imageType = params.oneOf('image_type', IMAGE_TYPES);
  if (imageType === undefined) params.fail('image_type is required');
  const appName = params.text('app_name', 0, 64)?.toLowerCase();
  if (imageType === 'cicd') return { status: 200, body: cicdImageAppsPage(context, offset, limit, appName) };
  const index = resolveImage(context.dataset, context.params.image_id ?? '', params, imageType, 'tag_name');
  context.dataset.scans.settle();
  let records = context.dataset.software.recordsOf(index);
  if (appName) records = records.filter((record) => record.app_name.toLowerCase().includes(appName));
  const body: HssPage<HssImageApp> = {
    total_num: records.length,
    data_list: records.slice(offset, offset + limit).map((record) => ({
      app_name: record.app_name,
      app_type: record.app_type,
      app_version: record.app_version,
      vul_num: record.vul_num,
    })),
  };
  return { status: 200, body };
}

export const listImageAppsRoute: RouteDefinition = {
  id: 'hss.listImageApps',
  method: 'GET',
  path: '/v5/:project_id/image/:image_id/apps',
  service: 'hss',
  auth: 'token',
  rateLimited: true,
  readsBody: false,
  handle: listImageApps,
};
