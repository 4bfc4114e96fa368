/** Shape check of ListImageScanTask rows (docs §G2); optional fields get neutral defaults. */
import {
  booleanOr,
  expectArray,
  expectNumber,
  expectObject,
  expectString,
  numberOr,
  stringOr,
} from '../shape';
import type { HssImageScanTask, HssScanTaskFailedImage } from './scanTaskTypes';

export function parseImageScanTask(value: unknown, path: string): HssImageScanTask {
  const o = expectObject(value, path);
  const failed =
    o.failed_images === undefined || o.failed_images === null
      ? []
      : expectArray(o.failed_images, `${path}.failed_images`);
  return {
    task_id: expectString(o, 'task_id', path),
    task_name: stringOr(o, 'task_name', path, ''),
    begin_time: numberOr(o, 'begin_time', path, 0),
    end_time: numberOr(o, 'end_time', path, 0),
    remain_min: numberOr(o, 'remain_min', path, 0),
    task_type: stringOr(o, 'task_type', path, ''),
    task_status: expectNumber(o, 'task_status', path),
    scan_scope: numberOr(o, 'scan_scope', path, 0),
    rate_limit: numberOr(o, 'rate_limit', path, 0),
    is_all: booleanOr(o, 'is_all', path, false),
    failed_num: numberOr(o, 'failed_num', path, 0),
    success_num: numberOr(o, 'success_num', path, 0),
    total_num: numberOr(o, 'total_num', path, 0),
    risky_num: numberOr(o, 'risky_num', path, 0),
    failed_reason: stringOr(o, 'failed_reason', path, ''),
    failed_images: failed.map((item, index) => parseFailedImage(item, `${path}.failed_images[${index}]`)),
  };
}

function parseFailedImage(value: unknown, path: string): HssScanTaskFailedImage {
  const o = expectObject(value, path);
  return {
    namespace: stringOr(o, 'namespace', path, ''),
    image_name: stringOr(o, 'image_name', path, ''),
    image_version: stringOr(o, 'image_version', path, ''),
    registry_type: stringOr(o, 'registry_type', path, ''),
    failed_reason: stringOr(o, 'failed_reason', path, ''),
  };
}
