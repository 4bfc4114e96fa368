/**
 * `GET /v5/{project_id}/image/{image_id}/files-statistics` (ShowImageFilesStat, docs/huawei-cloud-apis.md §A1). The `region`
 * header is required and must be this region; image_type required; namespace/image_name/tag_name
 * required for non-CI/CD types. Unknown query parameters (the doc example sends limit, offset,
 * repo_type, type, image_id) are ignored. Images not successfully scanned answer `{0, 0}`.
 */
import type { HssImageFilesStat } from '../../../upstream/hss/types';
import type { ParamReader } from '../../params';
import type { RouteContext, RouteDefinition, RouteResult } from '../types';
import { cicdImageFilesStat } from './cicdJoins';
import { hssParams, REGISTRY_IMAGE_TYPES, resolveImage } from './common';

const IMAGE_TYPES = [...REGISTRY_IMAGE_TYPES, 'local_image', 'registry', 'local', 'cicd'] as const;

function showImageFilesStat(context: RouteContext): RouteResult {
  const params: ParamReader = hssParams(context.query);
  const header = context.headers.region;
  const region = Array.isArray(header) ? header[0] : header;
  if (!region) params.fail('the region header is required');
  if (region !== context.identity.region) params.fail(`region header ${region} does not match this endpoint`);
  params.text('enterprise_project_id', 1, 256);
  const imageType = params.oneOf('image_type', IMAGE_TYPES);
  if (imageType === undefined) params.fail('image_type is required');
  if (imageType === 'cicd') return { status: 200, body: cicdImageFilesStat(context) };
  const index = resolveImage(context.dataset, context.params.image_id ?? '', params, imageType, 'tag_name');
  const body: HssImageFilesStat = context.dataset.filesStatOf(index);
  return { status: 200, body };
}

export const showImageFilesStatRoute: RouteDefinition = {
  id: 'hss.showImageFilesStat',
  method: 'GET',
  path: '/v5/:project_id/image/:image_id/files-statistics',
  service: 'hss',
  auth: 'token',
  rateLimited: true,
  readsBody: false,
  handle: showImageFilesStat,
};
