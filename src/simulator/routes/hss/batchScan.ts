/**
 * `POST /v5/{project_id}/image/batch-scan` (BatchScanSwrImage, docs/huawei-cloud-apis.md §A2). image_type is required
 * (private_image | shared_image | instance_image); image_info_list is required unless operate_all is
 * true, in which case the filter fields choose the images. Answers 200 with an empty body. Listed
 * images that do not exist (or are of another type) are skipped, as a bulk API would.
 */
import type { HssScanStatus } from '../../../upstream/hss/types';
import { BATCH_SCAN_STATUS_FILTERS } from '../../data/hssVocabulary';
import type { Dataset, RegistryImageFilter } from '../../data/dataset';
import { hssBadParameter, hssUnparseable } from '../../errors';
import type { RouteContext, RouteDefinition, RouteResult } from '../types';

const SCAN_TYPES = ['private_image', 'shared_image', 'instance_image'] as const;
const SCAN_STATUS_FILTERS: readonly HssScanStatus[] = BATCH_SCAN_STATUS_FILTERS;

type Json = Record<string, unknown>;

function optionalString(body: Json, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw hssBadParameter(`${key} must be a string`);
  return value;
}

function optionalBoolean(body: Json, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw hssBadParameter(`${key} must be a boolean`);
  return value;
}

function optionalNumber(body: Json, key: string): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw hssBadParameter(`${key} must be a non-negative integer`);
  }
  return value;
}

function timeRange(body: Json, name: string): readonly [number, number] | undefined {
  const start = optionalNumber(body, `start_${name}`);
  const end = optionalNumber(body, `end_${name}`);
  if (start === undefined && end === undefined) return undefined;
  const range = [start ?? 0, end ?? Date.now()] as const;
  if (range[0] > range[1]) throw hssBadParameter(`start_${name} must not be after end_${name}`);
  return range;
}

function parseBody(text: string): Json {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw hssUnparseable('the body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw hssUnparseable('the body must be a JSON object');
  }
  return parsed as Json;
}

function listedImages(dataset: Dataset, list: unknown, imageType: string): number[] {
  if (!Array.isArray(list)) throw hssBadParameter('image_info_list must be an array');
  const indices: number[] = [];
  for (const item of list) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw hssBadParameter('image_info_list items must be objects');
    }
    const info = item as Json;
    for (const key of ['instance_id', 'instance_url']) optionalString(info, key);
    const namespace = optionalString(info, 'namespace');
    const name = optionalString(info, 'image_name');
    const tag = optionalString(info, 'image_version');
    if (namespace === undefined || name === undefined || tag === undefined) {
      throw hssBadParameter('image_info_list items need namespace, image_name and image_version');
    }
    const index = dataset.indexOfReference(namespace, name, tag);
    if (index !== undefined && dataset.images.repository(index).type === imageType) indices.push(index);
  }
  return indices;
}

function batchScan(context: RouteContext): RouteResult {
  const body = parseBody(context.body);
  const imageType = optionalString(body, 'image_type');
  if (imageType === undefined) throw hssBadParameter('image_type is required');
  if (!(SCAN_TYPES as readonly string[]).includes(imageType)) {
    throw hssBadParameter(`image_type must be one of ${SCAN_TYPES.join(', ')}`);
  }
  optionalString(body, 'repo_type');
  const operateAll = optionalBoolean(body, 'operate_all') === true;
  const hasList = Array.isArray(body.image_info_list) && body.image_info_list.length > 0;
  if (!operateAll && !hasList)
    throw hssBadParameter('image_info_list is required unless operate_all is true');
  const { dataset } = context;
  let targets: Iterable<number>;
  if (operateAll) {
    const scanStatus = optionalString(body, 'scan_status');
    if (scanStatus !== undefined && !(SCAN_STATUS_FILTERS as readonly string[]).includes(scanStatus)) {
      throw hssBadParameter(`scan_status must be one of ${SCAN_STATUS_FILTERS.join(', ')}`);
    }
    const filter: RegistryImageFilter = {
      imageType: imageType as RegistryImageFilter['imageType'],
      namespace: optionalString(body, 'namespace'),
      imageName: optionalString(body, 'image_name'),
      imageVersion: optionalString(body, 'image_version'),
      scanStatus: scanStatus as HssScanStatus | undefined,
      latestVersionOnly: optionalBoolean(body, 'latest_version') || undefined,
      imageSize: optionalNumber(body, 'image_size'),
      updateTime: timeRange(body, 'latest_update_time'),
      scanTime: timeRange(body, 'latest_scan_time'),
    };
    for (const key of Object.keys(filter) as (keyof RegistryImageFilter)[]) {
      if (filter[key] === undefined) delete filter[key];
    }
    targets = dataset.queryImages(filter);
  } else {
    targets = listedImages(dataset, body.image_info_list, imageType);
  }
  dataset.scans.startScans(targets);
  return { status: 200 };
}

export const batchScanSwrImageRoute: RouteDefinition = {
  id: 'hss.batchScanSwrImage',
  method: 'POST',
  path: '/v5/:project_id/image/batch-scan',
  service: 'hss',
  auth: 'token',
  rateLimited: true,
  readsBody: true,
  handle: batchScan,
};
