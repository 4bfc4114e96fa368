/** Shape checks for Workspace `GET /v2/{project_id}/images` (docs/huawei-cloud-apis.md §A5): `{ images, total_count }`. */
import { expectArray, expectNumber, expectObject, expectString, numberOr, stringOr } from '../shape';
import type { ListProductImagesResponse, WorkspaceImageInfo } from './types';

export function parseProductImages(body: unknown): ListProductImagesResponse {
  const o = expectObject(body, 'body');
  return {
    total_count: expectNumber(o, 'total_count', 'body'),
    images: expectArray(o.images, 'body.images').map((item, index) =>
      parseImageInfo(item, `body.images[${index}]`),
    ),
  };
}

/** `architecture`, `created_at` and `kms_id` are SDK-only (not in the seed page): they default. */
function parseImageInfo(value: unknown, path: string): WorkspaceImageInfo {
  const o = expectObject(value, path);
  return {
    id: expectString(o, 'id', path),
    image_type: expectString(o, 'image_type', path) as WorkspaceImageInfo['image_type'],
    os_type: stringOr(o, 'os_type', path, 'Other') as WorkspaceImageInfo['os_type'],
    architecture: stringOr(o, 'architecture', path, 'x86') as WorkspaceImageInfo['architecture'],
    os_version: stringOr(o, 'os_version', path, ''),
    disk_format: stringOr(o, 'disk_format', path, '') as WorkspaceImageInfo['disk_format'],
    name: expectString(o, 'name', path),
    min_ram: numberOr(o, 'min_ram', path, 0),
    min_disk: numberOr(o, 'min_disk', path, 0),
    product_code: stringOr(o, 'product_code', path, ''),
    created_at: stringOr(o, 'created_at', path, ''),
    kms_id: stringOr(o, 'kms_id', path, ''),
  };
}
