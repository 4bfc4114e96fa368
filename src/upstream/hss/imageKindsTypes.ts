/**
 * HSS v5 wire types of the two image kinds beside registry images, snake_case as the API sends them:
 * CI/CD pipeline images (ListCicdImages) and images on cluster nodes (ListImageLocal,
 * ListLocalImageAppInfo). Source: the Huawei Cloud Go SDK models `model_list_cicd_images_request.go`,
 * `model_cicd_image_response_info.go`, and the ListImageLocal / ListLocalImageAppInfo API pages.
 */
import type {
  HSS_SCAN_STATUS_FILTERS,
  HssRegistryImageType,
  HssRegistryKind,
  HssScanStatus,
  HssSeverityLevel,
} from './types';

/** `pipeline_type` of ListCicdImages. */
export type HssPipelineType = 'jenkins' | 'codearts';

/** `local_image_type` of ListImageLocal: pulled from SWR, or from anywhere else. */
export type HssLocalImageType = 'swr_image' | 'other_image';

/**
 * `scan_status` in ListImageLocal answers: the request's `waiting_for_scan` comes back as `waiting`.
 */
export type HssLocalScanStatus = 'unscan' | 'success' | 'scanning' | 'failed' | 'waiting';

type ScanStatusFilter = (typeof HSS_SCAN_STATUS_FILTERS)[number];

/** Query of `GET /v5/{project_id}/image/cicd/images` (ListCicdImages). limit 10–200. */
export interface ListCicdImagesQuery {
  enterprise_project_id?: string;
  /** 1–128 */
  namespace?: string;
  /** 1–128 */
  image_name?: string;
  /** 1–64 */
  image_version?: string;
  sort_key?: 'latest_scan_time';
  sort_dir?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  /** 0–128 */
  image_id?: string;
  /** 0–128 */
  cicd_name?: string;
  latest_version?: boolean;
  image_size?: number;
  scan_status?: ScanStatusFilter;
  start_latest_update_time?: number;
  end_latest_update_time?: number;
  start_latest_scan_time?: number;
  end_latest_scan_time?: number;
  has_malicious_file?: boolean;
  has_unsafe_setting?: boolean;
  has_vul?: boolean;
  severity_level?: HssSeverityLevel;
  risky?: boolean;
  pipeline_type?: HssPipelineType;
}

/** An item of ListCicdImages (`CicdImageResponseInfo`). */
export interface HssCicdImage {
  /** Opaque id (the API page's example is `111`); files-statistics and apps take it with `image_type=cicd`. */
  image_id: string;
  cicd_name: string;
  namespace: string;
  image_name: string;
  image_digest: string;
  image_version: string;
  registry_name: string;
  /** The registry the pipeline pushed to. */
  image_type: HssRegistryImageType | '';
  registry_type: HssRegistryKind | '';
  latest_version: boolean;
  scan_status: HssScanStatus;
  scan_failed_desc: string;
  scan_failed_code: string;
  image_size: number;
  latest_update_time: number;
  /** 0 when never scanned. */
  latest_scan_time: number;
  vul_num: number;
  unsafe_setting_num: number;
  malicious_file_num: number;
  severity_level: HssSeverityLevel | '';
  pipeline_type: HssPipelineType | '';
}

/** Query of `GET /v5/{project_id}/image/local-repositories` (ListImageLocal). limit 10–200. */
export interface ListImageLocalQuery {
  enterprise_project_id?: string;
  offset?: number;
  limit?: number;
  /** Fuzzy, case-sensitive; 1–256. */
  image_name?: string;
  /** Only effective together with `image_name`. */
  image_version?: string;
  scan_status?: ScanStatusFilter;
  local_image_type?: HssLocalImageType;
  image_size?: number;
  start_latest_update_time?: number;
  end_latest_update_time?: number;
  start_latest_scan_time?: number;
  end_latest_scan_time?: number;
  has_vul?: boolean;
  /** Fuzzy. */
  host_name?: string;
  host_id?: string;
  host_ip?: string;
  container_id?: string;
  /** Fuzzy. */
  container_name?: string;
  pod_id?: string;
  /** Fuzzy. */
  pod_name?: string;
  /** Fuzzy. */
  app_name?: string;
  has_container?: boolean;
}

/** An item of ListImageLocal (`ImageLocalInfo`). */
export interface HssLocalImage {
  image_name: string;
  image_id: string;
  image_digest: string;
  image_version: string;
  local_image_type: HssLocalImageType | '';
  scan_status: HssLocalScanStatus;
  image_size: number;
  latest_update_time: number;
  /** 0 when never scanned. */
  latest_scan_time: number;
  vul_num: number;
  unsafe_setting_num: number;
  malicious_file_num: number;
  host_num: number;
  container_num: number;
  component_num: number;
  scan_failed_desc: string;
  severity_level: HssSeverityLevel | '';
  host_name: string;
  host_id: string;
  agent_id: string;
  /** '' means scannable. */
  non_scan_reason: string;
}

/** Query of `GET /v5/{project_id}/image/local/apps` (ListLocalImageAppInfo). limit 10–200. */
export interface ListLocalImageAppInfoQuery {
  enterprise_project_id?: string;
  offset?: number;
  limit?: number;
  /** Fuzzy. */
  app_name?: string;
}
