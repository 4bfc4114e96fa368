/**
 * HSS (Host Security Service) v5 wire types, snake_case exactly as the API sends them.
 * Source of truth: docs/huawei-cloud-apis.md §A1–A3, §B2 (SDK models).
 */

/** `image_type` of registry images (ListRegistryImages, batch-scan, per-image apps, files-statistics). */
export type HssRegistryImageType = 'private_image' | 'shared_image' | 'instance_image' | 'harbor' | 'jfrog';

/** `registry_type` in responses, also `image_type` in ListGlobalImageApps items. */
export type HssRegistryKind = 'SwrPrivate' | 'SwrShared' | 'SwrEnterprise' | 'Harbor' | 'Jfrog' | 'Other';

/** `image_type` query of ListGlobalImageApps (the seed says `local_image`; the SDK enum is `local`). */
export type HssGlobalAppImageKind = 'local' | 'registry' | 'cicd';

export type HssScanStatus =
  'unscan' | 'success' | 'scanning' | 'failed' | 'download_failed' | 'image_oversized' | 'waiting_for_scan';

/** Scan statuses accepted as a query filter by ListRegistryImages. */
export const HSS_SCAN_STATUS_FILTERS = [
  'unscan',
  'success',
  'scanning',
  'failed',
  'waiting_for_scan',
] as const;

export type HssSeverityLevel = 'Security' | 'Low' | 'Medium' | 'High';

export const HSS_SCAN_FAILED_CODES = [
  'unknown_error',
  'authentication_failed',
  'download_failed',
  'image_over_sized',
  'get_detail_info_not_found',
  'image_layer_over_sized',
  'schema_v1_not_support',
  'access_swr_failed',
  'swr_authentication_error',
  'failed_to_scan_vulnerability',
  'failed_to_scan_file',
  'failed_to_scan_software',
  'failed_to_check_sensitive_information',
  'failed_to_check_baseline',
  'failed_to_check_software_compliance',
  'failed_to_query_basic_image_information',
  'failed_to_check_build_cmd',
  'response_timed_out',
  'database_error',
  'failed_to_send_the_scan_request',
] as const;
export type HssScanFailedCode = (typeof HSS_SCAN_FAILED_CODES)[number];

/** Every HSS v5 list answers `{ total_num, data_list }`; `data_list` is `[]` when empty. */
export interface HssPage<T> {
  total_num: number;
  data_list: T[];
}

/** Query of `GET /v5/{project_id}/image/registries/images` (ListRegistryImages). limit 1–200. */
export interface ListRegistryImagesQuery {
  enterprise_project_id?: string;
  namespace?: string;
  image_name?: string;
  image_version?: string;
  registry_name?: string;
  offset?: number;
  limit?: number;
  image_type?: HssRegistryImageType;
  sort_key?: 'latest_scan_time';
  sort_dir?: 'asc' | 'desc';
  latest_version?: boolean;
  image_size?: number;
  scan_status?: (typeof HSS_SCAN_STATUS_FILTERS)[number];
  start_latest_update_time?: number;
  end_latest_update_time?: number;
  start_latest_scan_time?: number;
  end_latest_scan_time?: number;
  start_latest_sync_time?: number;
  end_latest_sync_time?: number;
  has_malicious_file?: boolean;
  has_unsafe_setting?: boolean;
  has_vul?: boolean;
  risky?: boolean;
  is_multarch?: boolean;
  instance_id?: string;
  instance_name?: string;
  severity_level?: HssSeverityLevel;
}

export interface HssAssociateImage {
  id: number;
  image_id: string;
  image_name: string;
  image_version: string;
  image_type: HssRegistryImageType;
  namespace: string;
  image_digest: string;
  scan_status: HssScanStatus;
  vul_num: number;
  unsafe_setting_num: number;
  malicious_file_num: number;
}

/** An item of ListRegistryImages (`RegistryImagesInfo`). */
export interface HssRegistryImage {
  id: number;
  namespace: string;
  image_name: string;
  image_id: string;
  image_digest: string;
  image_version: string;
  image_type: HssRegistryImageType;
  registry_id: string;
  registry_name: string;
  registry_type: HssRegistryKind;
  latest_version: boolean;
  scan_status: HssScanStatus;
  scan_failed_desc: string;
  scan_failed_code: HssScanFailedCode | '';
  image_size: number;
  latest_update_time: number;
  /** 0 when never scanned. */
  latest_scan_time: number;
  latest_sync_time: number;
  vul_num: number;
  unsafe_setting_num: number;
  malicious_file_num: number;
  domain_name: string;
  shared_status: 'expired' | 'effective' | '';
  scannable: boolean;
  is_multiple_arch: boolean;
  instance_name: string;
  instance_id: string;
  instance_url: string;
  /** '' before the first successful scan. */
  severity_level: HssSeverityLevel | '';
  association_images: HssAssociateImage[];
}

/** Query of `GET /v5/{project_id}/image/apps` (ListGlobalImageApps). limit 10–200. */
export interface ListGlobalImageAppsQuery {
  enterprise_project_id?: string;
  limit?: number;
  offset?: number;
  image_type?: HssGlobalAppImageKind;
  /** 0–32 characters. */
  app_name?: string;
  /** Only `false` is supported: list non-compliant software. */
  is_compliant?: false;
}

/** An item of ListGlobalImageApps (`ImageAppResponseInfo`); every field optional in the SDK. */
export interface HssGlobalImageApp {
  app_name?: string;
  app_type?: string;
  app_version?: string;
  vul_num?: number;
  app_path?: string;
  layer_digest?: string;
  is_compliant?: boolean;
  latest_scan_time?: number;
  image_type?: HssRegistryKind;
  namespace?: string;
  image_name?: string;
  image_version?: string;
  image_id?: string;
}

/** Query of `GET /v5/{project_id}/image/{image_id}/apps` (ListImageApps). limit 10–200. */
export interface ListImageAppsQuery {
  enterprise_project_id?: string;
  offset?: number;
  limit?: number;
  image_type: HssRegistryImageType | 'cicd';
  namespace?: string;
  image_name?: string;
  tag_name?: string;
  app_name?: string;
}

/** An item of ListImageApps (`ImageAppsInfo`): only four fields. */
export interface HssImageApp {
  app_name: string;
  app_type: string;
  app_version: string;
  vul_num: number;
}

/** Query of `GET /v5/{project_id}/image/{image_id}/files-statistics` (ShowImageFilesStat); header `region` required. */
export interface ShowImageFilesStatQuery {
  enterprise_project_id?: string;
  image_type: HssRegistryImageType | 'local_image' | 'registry' | 'local' | 'cicd';
  namespace?: string;
  image_name?: string;
  tag_name?: string;
}

export interface HssImageFilesStat {
  total_files_num: number;
  total_files_size: number;
}

export interface BatchScanSwrImageInfo {
  namespace?: string;
  image_name?: string;
  image_version?: string;
  instance_id?: string;
  instance_url?: string;
}

/** Scan statuses accepted as a filter by batch-scan (`operate_all`). */
export const BATCH_SCAN_STATUS_FILTERS = [
  'unscan',
  'success',
  'scanning',
  'failed',
  'download_failed',
  'image_oversized',
] as const;

/** Body of `POST /v5/{project_id}/image/batch-scan` (BatchScanSwrImage); the response is 200 with an empty body. */
export interface BatchScanSwrImageBody {
  repo_type?: string;
  image_info_list?: BatchScanSwrImageInfo[];
  operate_all?: boolean;
  namespace?: string;
  image_name?: string;
  image_version?: string;
  image_type: 'private_image' | 'shared_image' | 'instance_image';
  scan_status?: (typeof BATCH_SCAN_STATUS_FILTERS)[number];
  latest_version?: boolean;
  image_size?: number;
  start_latest_update_time?: number;
  end_latest_update_time?: number;
  start_latest_scan_time?: number;
  end_latest_scan_time?: number;
}
