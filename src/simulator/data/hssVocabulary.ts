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

/** Vulnerability `type` (ListImageVulnerabilities, ListGeneralImageVuls, ListVulAffectImages). */
export const VULNERABILITY_TYPES = ['linux_vul', 'app_vul'] as const;
/** `handle_status` of the vulnerability lists. */
export const VULNERABILITY_HANDLE_STATUSES = ['unhandled', 'handled'] as const;
/** ListImageVulnerabilities `repair_necessity`: immediate = high, delay = medium, not needed = low. */
export const REPAIR_NECESSITIES = ['immediate_repair', 'delay_repair', 'not_needed_repair'] as const;
/** ListGeneralImageVuls `severity_level`, ListVulAffectImages `repair_necessity`. */
export const VULNERABILITY_SEVERITIES = ['Critical', 'High', 'Medium', 'Low'] as const;
/** `image_type` of the vulnerability-centric APIs. */
export const VULNERABILITY_IMAGE_SCOPES = ['local', 'registry', 'cicd', 'cluster'] as const;
/** `status` of a vulnerability. */
export const VULNERABILITY_STATUSES = ['vul_status_unfix', 'vul_status_ignored'] as const;
/** `image_type` of the baseline-check APIs. */
export const BASELINE_IMAGE_TYPES = [
  'private_image',
  'shared_image',
  'local_image',
  'instance_image',
  'registry',
  'local',
] as const;
/** Baseline `standard`. */
export const BASELINE_STANDARDS = ['cn_standard', 'hw_standard'] as const;
/** Baseline check `severity`; rules add `Critical`. */
export const BASELINE_CHECK_SEVERITIES = ['Security', 'Low', 'Medium', 'High'] as const;
export const BASELINE_RULE_SEVERITIES = [...BASELINE_CHECK_SEVERITIES, 'Critical'] as const;
/** Rule `result_type` / `scan_result`. */
export const BASELINE_RESULT_TYPES = ['pass', 'failed'] as const;
