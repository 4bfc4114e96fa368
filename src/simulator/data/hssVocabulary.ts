/**
 * HSS vocabularies as the simulator reads them from the API documents. Kept apart from the gateway's own
 * tables on purpose: if either side misreads a document, the contract tests between them catch it.
 */
import type { HssScanFailedCode, HssScanStatus, HssSeverityLevel } from '../../upstream/hss/types';

/** Every `scan_status` an image can report. */
export const SCAN_STATUSES: readonly HssScanStatus[] = [
  'unscan',
  'success',
  'scanning',
  'failed',
  'download_failed',
  'image_oversized',
  'waiting_for_scan',
];

/** `severity_level` values; empty for an image without findings. */
export const SEVERITIES: readonly (HssSeverityLevel | '')[] = ['', 'Security', 'Low', 'Medium', 'High'];

/** `scan_status` values ListRegistryImages accepts as a filter. */
export const REGISTRY_IMAGES_SCAN_STATUS_FILTERS: readonly HssScanStatus[] = [
  'unscan',
  'success',
  'scanning',
  'failed',
  'waiting_for_scan',
];

/** `scan_status` values batch-scan accepts with `operate_all`. */
export const BATCH_SCAN_STATUS_FILTERS: readonly HssScanStatus[] = [
  'unscan',
  'success',
  'scanning',
  'failed',
  'download_failed',
  'image_oversized',
];

/** `scan_failed_code` values of a failed scan. */
export const SCAN_FAILED_CODES: readonly HssScanFailedCode[] = [
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
];

/** `scan_failed_code`, empty unless the scan failed. */
export const FAILED_CODES: readonly (HssScanFailedCode | '')[] = ['', ...SCAN_FAILED_CODES];
