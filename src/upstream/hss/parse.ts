/**
 * Shape checks for HSS v5 answers (docs/huawei-cloud-apis.md §A1, §A3, §B2). Identity fields are required; fields the SDK
 * models as optional get a neutral default (0, '', false, []) so records keep their declared types.
 * Enum-like strings are checked to be strings, not members: a new upstream value must not break a list.
 */
import type {
  HssAssociateImage,
  HssGlobalImageApp,
  HssImageApp,
  HssImageFilesStat,
  HssPage,
  HssRegistryImage,
} from './types';
import {
  booleanOr,
  expectArray,
  expectNumber,
  expectObject,
  expectString,
  numberOr,
  optionalBoolean,
  optionalNumber,
  optionalString,
  stringOr,
  type Json,
} from '../shape';

export function parseHssPage<T>(body: unknown, parseItem: (item: unknown, path: string) => T): HssPage<T> {
  const page = expectObject(body, 'body');
  const total_num = expectNumber(page, 'total_num', 'body');
  // `data_list` is documented as [] when empty; tolerate it missing or null then.
  const list =
    page.data_list === undefined || page.data_list === null
      ? []
      : expectArray(page.data_list, 'body.data_list');
  return { total_num, data_list: list.map((item, index) => parseItem(item, `body.data_list[${index}]`)) };
}

export function parseRegistryImage(value: unknown, path: string): HssRegistryImage {
  const o = expectObject(value, path);
  const associations = o.association_images;
  return {
    id: numberOr(o, 'id', path, 0),
    namespace: expectString(o, 'namespace', path),
    image_name: expectString(o, 'image_name', path),
    image_id: expectString(o, 'image_id', path),
    image_digest: stringOr(o, 'image_digest', path, ''),
    image_version: expectString(o, 'image_version', path),
    image_type: expectString(o, 'image_type', path) as HssRegistryImage['image_type'],
    registry_id: stringOr(o, 'registry_id', path, ''),
    registry_name: stringOr(o, 'registry_name', path, ''),
    registry_type: stringOr(o, 'registry_type', path, 'Other') as HssRegistryImage['registry_type'],
    latest_version: booleanOr(o, 'latest_version', path, false),
    scan_status: expectString(o, 'scan_status', path) as HssRegistryImage['scan_status'],
    scan_failed_desc: stringOr(o, 'scan_failed_desc', path, ''),
    scan_failed_code: stringOr(o, 'scan_failed_code', path, '') as HssRegistryImage['scan_failed_code'],
    image_size: numberOr(o, 'image_size', path, 0),
    latest_update_time: numberOr(o, 'latest_update_time', path, 0),
    latest_scan_time: numberOr(o, 'latest_scan_time', path, 0),
    latest_sync_time: numberOr(o, 'latest_sync_time', path, 0),
    vul_num: numberOr(o, 'vul_num', path, 0),
    unsafe_setting_num: numberOr(o, 'unsafe_setting_num', path, 0),
    malicious_file_num: numberOr(o, 'malicious_file_num', path, 0),
    domain_name: stringOr(o, 'domain_name', path, ''),
    shared_status: stringOr(o, 'shared_status', path, '') as HssRegistryImage['shared_status'],
    scannable: booleanOr(o, 'scannable', path, false),
    is_multiple_arch: booleanOr(o, 'is_multiple_arch', path, false),
    instance_name: stringOr(o, 'instance_name', path, ''),
    instance_id: stringOr(o, 'instance_id', path, ''),
    instance_url: stringOr(o, 'instance_url', path, ''),
    severity_level: stringOr(o, 'severity_level', path, '') as HssRegistryImage['severity_level'],
    association_images:
      associations === undefined || associations === null
        ? []
        : expectArray(associations, `${path}.association_images`).map((item, index) =>
            parseAssociateImage(item, `${path}.association_images[${index}]`),
          ),
  };
}

function parseAssociateImage(value: unknown, path: string): HssAssociateImage {
  const o = expectObject(value, path);
  return {
    id: numberOr(o, 'id', path, 0),
    image_id: stringOr(o, 'image_id', path, ''),
    image_name: expectString(o, 'image_name', path),
    image_version: expectString(o, 'image_version', path),
    image_type: stringOr(o, 'image_type', path, '') as HssAssociateImage['image_type'],
    namespace: stringOr(o, 'namespace', path, ''),
    image_digest: stringOr(o, 'image_digest', path, ''),
    scan_status: stringOr(o, 'scan_status', path, '') as HssAssociateImage['scan_status'],
    vul_num: numberOr(o, 'vul_num', path, 0),
    unsafe_setting_num: numberOr(o, 'unsafe_setting_num', path, 0),
    malicious_file_num: numberOr(o, 'malicious_file_num', path, 0),
  };
}

/** Every field is optional in the SDK; present fields must have their declared type. */
export function parseGlobalImageApp(value: unknown, path: string): HssGlobalImageApp {
  const o = expectObject(value, path);
  const app: HssGlobalImageApp = {};
  const strings = [
    'app_name',
    'app_type',
    'app_version',
    'app_path',
    'layer_digest',
    'image_type',
    'namespace',
    'image_name',
    'image_version',
    'image_id',
  ] as const;
  for (const key of strings) assignDefined(app, key, optionalString(o, key, path));
  assignDefined(app, 'vul_num', optionalNumber(o, 'vul_num', path));
  assignDefined(app, 'latest_scan_time', optionalNumber(o, 'latest_scan_time', path));
  assignDefined(app, 'is_compliant', optionalBoolean(o, 'is_compliant', path));
  return app;
}

export function parseImageApp(value: unknown, path: string): HssImageApp {
  const o = expectObject(value, path);
  return {
    app_name: expectString(o, 'app_name', path),
    app_type: stringOr(o, 'app_type', path, ''),
    app_version: stringOr(o, 'app_version', path, ''),
    vul_num: numberOr(o, 'vul_num', path, 0),
  };
}

export function parseImageFilesStat(body: unknown): HssImageFilesStat {
  const o: Json = expectObject(body, 'body');
  return {
    total_files_num: expectNumber(o, 'total_files_num', 'body'),
    total_files_size: expectNumber(o, 'total_files_size', 'body'),
  };
}

function assignDefined<T extends object, K extends keyof T>(
  target: T,
  key: K,
  value: T[K] | undefined,
): void {
  if (value !== undefined) target[key] = value;
}
