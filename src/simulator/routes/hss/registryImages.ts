/**
 * `GET /v5/{project_id}/image/registries/images` (ListRegistryImages, docs/huawei-cloud-apis.md §B2). limit 1–200.
 * namespace, image_name, image_version, registry_name, instance_* are exact matches; image_size is an
 * exact byte count; time ranges are inclusive.
 */
import type { HssPage, HssRegistryImage } from '../../../upstream/hss/types';
import { REGISTRY_IMAGES_SCAN_STATUS_FILTERS } from '../../data/hssVocabulary';
import type { RegistryImageFilter } from '../../data/dataset';
import type { ParamReader } from '../../params';
import type { RouteContext, RouteDefinition, RouteResult } from '../types';
import { hssParams, paging, REGISTRY_IMAGE_TYPES } from './common';

function listRegistryImages(context: RouteContext): RouteResult {
  const params: ParamReader = hssParams(context.query);
  const { limit, offset } = paging(params, 1);
  const now = Date.now();
  params.text('enterprise_project_id', 1, 256);
  const sortKey = params.oneOf('sort_key', ['latest_scan_time'] as const);
  const sortDir = params.oneOf('sort_dir', ['asc', 'desc'] as const);
  const filter: RegistryImageFilter = {
    namespace: params.text('namespace', 1, 128),
    imageName: params.text('image_name', 1, 128),
    imageVersion: params.text('image_version', 1, 64),
    registryName: params.text('registry_name', 1, 128),
    imageType: params.oneOf('image_type', REGISTRY_IMAGE_TYPES),
    scanStatus: params.oneOf('scan_status', REGISTRY_IMAGES_SCAN_STATUS_FILTERS),
    latestVersionOnly: params.bool('latest_version') || undefined,
    imageSize: params.int('image_size', 0, 2_147_483_547),
    hasVul: params.bool('has_vul'),
    hasMaliciousFile: params.bool('has_malicious_file'),
    hasUnsafeSetting: params.bool('has_unsafe_setting'),
    risky: params.bool('risky'),
    isMultiArch: params.bool('is_multarch'),
    severity: params.oneOf('severity_level', ['Security', 'Low', 'Medium', 'High'] as const),
    instanceId: params.text('instance_id', 1, 128),
    instanceName: params.text('instance_name', 1, 128),
    updateTime: params.timeRange('latest_update_time', now),
    scanTime: params.timeRange('latest_scan_time', now),
    syncTime: params.timeRange('latest_sync_time', now),
    sortByScanTime: sortKey ? (sortDir ?? 'asc') : undefined,
  };
  // Drop absent keys so equal filters share one cache entry.
  for (const key of Object.keys(filter) as (keyof RegistryImageFilter)[]) {
    if (filter[key] === undefined) delete filter[key];
  }
  const matches = context.dataset.queryImages(filter);
  const page = matches.subarray(Math.min(offset, matches.length), Math.min(offset + limit, matches.length));
  const body: HssPage<HssRegistryImage> = {
    total_num: matches.length,
    data_list: Array.from(page, (index) => context.dataset.getImage(index)),
  };
  return { status: 200, body };
}

export const listRegistryImagesRoute: RouteDefinition = {
  id: 'hss.listRegistryImages',
  method: 'GET',
  path: '/v5/:project_id/image/registries/images',
  service: 'hss',
  auth: 'token',
  rateLimited: true,
  readsBody: false,
  handle: listRegistryImages,
};
