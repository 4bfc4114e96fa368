/**
 * Vocabularies of the CI/CD and node-local image APIs as the simulator reads them from the API documents
 * (ListCicdImages, ListImageLocal); kept apart from the gateway's tables, as hssVocabulary.ts is.
 */
import type { HssLocalImageType, HssPipelineType } from '../../upstream/hss/imageKindsTypes';
import type { HssScanStatus } from '../../upstream/hss/types';

/** `pipeline_type` of ListCicdImages. */
export const PIPELINE_TYPES: readonly HssPipelineType[] = ['jenkins', 'codearts'];

/** `local_image_type` of ListImageLocal. */
export const LOCAL_IMAGE_TYPES: readonly HssLocalImageType[] = ['swr_image', 'other_image'];

/** `scan_status` filters of both lists (the registry list's five). */
export const IMAGE_KIND_SCAN_STATUS_FILTERS: readonly HssScanStatus[] = [
  'unscan',
  'success',
  'scanning',
  'failed',
  'waiting_for_scan',
];

/** `scan_failed_desc` of a node-local image whose scan failed. */
export const LOCAL_SCAN_FAILURES: readonly string[] = [
  'unknown_error',
  'failed_to_match_agent',
  'create_container_failed',
  'get_container_info_failed',
  'docker_offline',
  'get_docker_root_failed',
  'image_not_exist_or_docker_api_fault',
  'huge_image',
  'docker_root_in_nfs',
  'response_timed_out',
];
