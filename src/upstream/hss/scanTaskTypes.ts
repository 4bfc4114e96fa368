/**
 * HSS scan tasks, the current scan API (docs §G2; batch-scan is deprecated in the SDKs):
 * `POST /v5/{project_id}/image/image-scan/tasks` (CreateManualImageScanTask, empty answer, no task id) and
 * `GET /v5/{project_id}/image/tasks?type=image_scan` (ListImageScanTask). Wire names as the API has them.
 */
import type { HssScanStatus } from './types';

/** `scan_scope` bits (int32). 0x7fffffff = everything. */
export const SCAN_SCOPE_BITS = {
  vulnerabilities: 0x000f0000,
  baseline: 0x0000f000,
  maliciousFiles: 0x00000f00,
  sensitiveInformation: 0x000000f0,
  softwareCompliance: 0x0000000f,
} as const;
export type ScanScopeBit = (typeof SCAN_SCOPE_BITS)[keyof typeof SCAN_SCOPE_BITS];
export const SCAN_SCOPE_ALL = 0x7fffffff;

export type ScanTaskRegistryType =
  'SwrPrivate' | 'SwrShared' | 'SwrEnterprise' | 'Harbor' | 'Jfrog' | 'Other';

export interface ScanTaskImageInfo {
  namespace?: string;
  image_name?: string;
  image_version?: string;
  image_id?: string;
  instance_id?: string;
  instance_url?: string;
  registry_type?: ScanTaskRegistryType;
}

/** Filters that choose the images when `is_all` is true. */
export interface ScanTaskQueryInfo {
  namespace?: string;
  image_name?: string;
  image_version?: string;
  image_type?: string;
  scan_status?: HssScanStatus;
}

export interface CreateManualImageScanTaskBody {
  scan_scope?: number;
  rate_limit?: number;
  is_all?: boolean;
  image_info?: ScanTaskImageInfo[];
  query_info?: ScanTaskQueryInfo;
}

export interface CreateManualImageScanTaskQuery {
  global_image_type?: 'registry' | 'local';
}

export type ScanTaskType = 'cycle' | 'manual' | 'autoSync' | 'manualSync';

export interface ListImageScanTasksQuery {
  type: 'image_scan';
  global_image_type?: 'registry' | 'local';
  offset?: number;
  limit?: number;
  task_type?: ScanTaskType;
  task_id?: string;
  task_status?: 'scanning' | 'finished';
}

export interface HssScanTaskFailedImage {
  namespace: string;
  image_name: string;
  image_version: string;
  registry_type: string;
  failed_reason: string;
}

export interface HssImageScanTask {
  task_id: string;
  task_name: string;
  /** Epoch ms; 0 when absent. */
  begin_time: number;
  end_time: number;
  remain_min: number;
  task_type: string;
  /** 0–100 progress (100 done), −1 terminated, −2 timed out, −3 error. */
  task_status: number;
  scan_scope: number;
  rate_limit: number;
  is_all: boolean;
  failed_num: number;
  success_num: number;
  total_num: number;
  risky_num: number;
  failed_reason: string;
  failed_images: HssScanTaskFailedImage[];
}
