/**
 * Shape checks for ListCicdImages and ListImageLocal items. As for registry images: identity fields are
 * required, the rest get a neutral default, and enum-like strings are only checked to be strings.
 */
import type { HssCicdImage, HssLocalImage } from './imageKindsTypes';
import { booleanOr, expectObject, expectString, numberOr, stringOr } from '../shape';

export function parseCicdImage(value: unknown, path: string): HssCicdImage {
  const o = expectObject(value, path);
  const text = (key: string) => stringOr(o, key, path, '');
  const count = (key: string) => numberOr(o, key, path, 0);
  return {
    image_id: expectString(o, 'image_id', path),
    cicd_name: text('cicd_name'),
    namespace: text('namespace'),
    image_name: expectString(o, 'image_name', path),
    image_digest: text('image_digest'),
    image_version: text('image_version'),
    registry_name: text('registry_name'),
    image_type: text('image_type') as HssCicdImage['image_type'],
    registry_type: text('registry_type') as HssCicdImage['registry_type'],
    latest_version: booleanOr(o, 'latest_version', path, false),
    scan_status: expectString(o, 'scan_status', path) as HssCicdImage['scan_status'],
    scan_failed_desc: text('scan_failed_desc'),
    scan_failed_code: text('scan_failed_code'),
    image_size: count('image_size'),
    latest_update_time: count('latest_update_time'),
    latest_scan_time: count('latest_scan_time'),
    vul_num: count('vul_num'),
    unsafe_setting_num: count('unsafe_setting_num'),
    malicious_file_num: count('malicious_file_num'),
    severity_level: text('severity_level') as HssCicdImage['severity_level'],
    pipeline_type: text('pipeline_type') as HssCicdImage['pipeline_type'],
  };
}

export function parseLocalImage(value: unknown, path: string): HssLocalImage {
  const o = expectObject(value, path);
  const text = (key: string) => stringOr(o, key, path, '');
  const count = (key: string) => numberOr(o, key, path, 0);
  return {
    image_name: expectString(o, 'image_name', path),
    image_id: expectString(o, 'image_id', path),
    image_digest: text('image_digest'),
    image_version: text('image_version'),
    local_image_type: text('local_image_type') as HssLocalImage['local_image_type'],
    scan_status: expectString(o, 'scan_status', path) as HssLocalImage['scan_status'],
    image_size: count('image_size'),
    latest_update_time: count('latest_update_time'),
    latest_scan_time: count('latest_scan_time'),
    vul_num: count('vul_num'),
    unsafe_setting_num: count('unsafe_setting_num'),
    malicious_file_num: count('malicious_file_num'),
    host_num: count('host_num'),
    container_num: count('container_num'),
    component_num: count('component_num'),
    scan_failed_desc: text('scan_failed_desc'),
    severity_level: text('severity_level') as HssLocalImage['severity_level'],
    host_name: text('host_name'),
    host_id: text('host_id'),
    agent_id: text('agent_id'),
    non_scan_reason: text('non_scan_reason'),
  };
}
