/**
 * Workspace `GET /v2/{project_id}/images` (ListImages, docs/huawei-cloud-apis.md §A5). Filters: os_type (Linux|Windows|Other),
 * image_type (gold|private), architecture (x86|arm), platform (case-insensitive, e.g. Windows, Ubuntu),
 * package_type, image_id; limit 0–100 (default 100), offset ≥ 0; sort_field name|created_at,
 * sort_type asc|desc (default name asc). Bad values → 400 WKS.0001.
 */
import type { ListProductImagesResponse } from '../../upstream/workspace/types';
import { workspaceBadParameter } from '../errors';
import { ParamReader } from '../params';
import type { RouteContext, RouteDefinition, RouteResult } from './types';

function listProductImages(context: RouteContext): RouteResult {
  const params = new ParamReader(context.query, workspaceBadParameter);
  const osType = params.oneOf('os_type', ['Linux', 'Windows', 'Other'] as const);
  const imageType = params.oneOf('image_type', ['gold', 'private'] as const);
  const architecture = params.oneOf('architecture', ['x86', 'arm'] as const);
  const platform = params.text('platform', 1, 64)?.toLowerCase();
  const packageType = params.text('package_type', 1, 64);
  const imageId = params.text('image_id', 1, 64);
  const limit = params.int('limit', 0, 100, 100);
  const offset = params.int('offset', 0, Number.MAX_SAFE_INTEGER, 0);
  const sortField = params.oneOf('sort_field', ['name', 'created_at'] as const) ?? 'name';
  const sortType = params.oneOf('sort_type', ['asc', 'desc'] as const) ?? 'asc';

  const matching = context.dataset.products.filter(
    ({ info, platform: imagePlatform, packageType: imagePackage }) =>
      (osType === undefined || info.os_type === osType) &&
      (imageType === undefined || info.image_type === imageType) &&
      (architecture === undefined || info.architecture === architecture) &&
      (platform === undefined || imagePlatform.toLowerCase() === platform) &&
      (packageType === undefined || imagePackage === packageType) &&
      (imageId === undefined || info.id === imageId),
  );
  const sign = sortType === 'asc' ? 1 : -1;
  const sorted = [...matching].sort((a, b) => {
    const left = a.info[sortField];
    const right = b.info[sortField];
    return left < right ? -sign : left > right ? sign : 0;
  });
  const body: ListProductImagesResponse = {
    images: sorted.slice(offset, offset + limit).map((record) => ({ ...record.info })),
    total_count: matching.length,
  };
  return { status: 200, body };
}

export const workspaceRoutes: RouteDefinition[] = [
  {
    id: 'workspace.listProductImages',
    method: 'GET',
    path: '/v2/:project_id/images',
    service: 'workspace',
    auth: 'token',
    rateLimited: false,
    readsBody: false,
    handle: listProductImages,
  },
];
