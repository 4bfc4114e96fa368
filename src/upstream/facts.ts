/**
 * Upstream facts the gateway relies on, from the Huawei Cloud API documents, in one place: page ranges,
 * argument limits, vocabularies and service names. Clients check arguments against them, pagination
 * maps GraphQL pages onto them, loaders size their calls by them.
 */
import type { UpstreamService } from '../errors/codes';
import type { HssRegistryImageType } from './hss/types';

/** What one list call accepts: `limit` in [minLimit, maxLimit], `offset` up to maxOffset. */
export interface ListRange {
  readonly minLimit: number;
  readonly maxLimit: number;
  readonly maxOffset: number;
}

/** HSS ListRegistryImages: limit 1–200, offset 0–2,000,000. */
export const HSS_REGISTRY_IMAGES_RANGE: ListRange = { minLimit: 1, maxLimit: 200, maxOffset: 2_000_000 };
/** HSS ListImageApps and ListGlobalImageApps: limit 10–200, offset 0–2,000,000. */
export const HSS_APPS_RANGE: ListRange = { minLimit: 10, maxLimit: 200, maxOffset: 2_000_000 };
/** HSS ListImageScanTask: limit 10–200, offset 0–2,000,000. */
export const HSS_SCAN_TASKS_RANGE: ListRange = { minLimit: 10, maxLimit: 200, maxOffset: 2_000_000 };
/** HSS scan tasks' `rate_limit`: 0–1000 images per hour, 0 meaning unlimited. */
export const HSS_SCAN_TASK_MAX_RATE_LIMIT = 1000;
/** HSS `app_name` filters: at most 32 characters. */
export const HSS_APP_NAME_MAX_LENGTH = 32;
/** SWR ListSharedReposDetails v2 documents no limit range; the v3 list allows 1–1000. */
export const SWR_SHARED_REPOS_RANGE: ListRange = {
  minLimit: 1,
  maxLimit: 1000,
  maxOffset: Number.MAX_SAFE_INTEGER,
};
/** SWR's default page size, the most one GraphQL page asks for. */
export const SWR_SHARED_REPOS_PAGE = 100;
/** Workspace ListImages: limit 0–100. */
export const WORKSPACE_IMAGES_RANGE: ListRange = {
  minLimit: 0,
  maxLimit: 100,
  maxOffset: Number.MAX_SAFE_INTEGER,
};

/** The registry kinds HSS lists images of (`image_type`). */
export const HSS_REGISTRY_IMAGE_TYPES: readonly HssRegistryImageType[] = [
  'private_image',
  'shared_image',
  'instance_image',
  'harbor',
  'jfrog',
];

/** HSS ListCicdImages, ListImageLocal and ListLocalImageAppInfo: limit 10–200, offset 0–2,000,000. */
export const HSS_IMAGE_KIND_LISTS_RANGE: ListRange = HSS_APPS_RANGE;
/** ListCicdImages text filters: namespace and image_name 1–128, image_version 1–64, image_id and cicd_name 0–128. */
export const HSS_CICD_FILTER_MAX_LENGTH = {
  namespace: 128,
  image_name: 128,
  image_version: 64,
  image_id: 128,
  cicd_name: 128,
} as const;
/** ListImageLocal documents image_name as 1–256 characters; its other text filters are taken alike. */
export const HSS_LOCAL_FILTER_MAX_LENGTH = 256;

/** How each service is named in messages. */
export const SERVICE_LABELS: Readonly<Record<UpstreamService, string>> = {
  iam: 'IAM',
  hss: 'HSS',
  swr: 'SWR',
  workspace: 'Workspace',
};

/** The upstream APIs the gateway calls, each the unit of quota, breaker state and metrics. */
export const UPSTREAM_APIS: readonly { readonly api: string; readonly service: UpstreamService }[] = [
  { api: 'hss.listRegistryImages', service: 'hss' },
  { api: 'hss.showImageFilesStat', service: 'hss' },
  { api: 'hss.listImageApps', service: 'hss' },
  { api: 'hss.listGlobalImageApps', service: 'hss' },
  { api: 'hss.batchScanSwrImage', service: 'hss' },
  { api: 'hss.listCicdImages', service: 'hss' },
  { api: 'hss.listImageLocal', service: 'hss' },
  { api: 'hss.listLocalImageAppInfo', service: 'hss' },
  { api: 'swr.listSharedRepositories', service: 'swr' },
  { api: 'workspace.listProductImages', service: 'workspace' },
  { api: 'hss.listImageVulnerabilities', service: 'hss' },
  { api: 'hss.listGeneralImageVuls', service: 'hss' },
  { api: 'hss.listVulnerabilityCve', service: 'hss' },
  { api: 'hss.listVulAffectImages', service: 'hss' },
  { api: 'hss.listVulAffectImageApps', service: 'hss' },
  { api: 'hss.listImageRiskConfigs', service: 'hss' },
  { api: 'hss.listImageRiskConfigRules', service: 'hss' },
];

/** HSS image-vulnerability and baseline-check lists (ListImageVulnerabilities … ListImageRiskConfigRules). */
export const HSS_VULNERABILITY_RANGE: ListRange = { minLimit: 10, maxLimit: 200, maxOffset: 2_000_000 };
/** HSS `vul_id` and `cve_id`, in a query or a path: at most 256 characters. */
export const HSS_VUL_ID_MAX_LENGTH = 256;
export const HSS_CVE_ID_MAX_LENGTH = 256;
/** HSS `vul_name` filter; a baseline `check_name` in the rules path. */
export const HSS_VUL_NAME_MAX_LENGTH = 256;
export const HSS_CHECK_NAME_MAX_LENGTH = 256;
/** ListImageVulnerabilities names its image by namespace, image_name and tag_name of at most these lengths. */
export const HSS_VULNERABILITY_IMAGE_REF_MAX_LENGTH = { namespace: 64, imageName: 128, tag: 64 } as const;
/**
 * ListImageVulnerabilities rows carry no `type`, but `app_path` is given for application vulnerabilities
 * only (docs/huawei-cloud-apis.md §G3): a row with a path is `app_vul`, one without is taken as `linux_vul`.
 */
export function vulTypeOfImageVulnerability(row: { readonly app_path: string }): 'app_vul' | 'linux_vul' {
  return row.app_path ? 'app_vul' : 'linux_vul';
}
/** Registry images (every `ContainerImage`) are `image_type=registry` in the vulnerability-centric APIs. */
export const HSS_VUL_SCOPE_OF_REGISTRY_IMAGES = 'registry';
