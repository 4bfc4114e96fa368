/** Shared by the HSS routes: the paging parameters and per-image lookups. */
import type { HssRegistryImageType } from '../../../upstream/hss/types';
import type { Dataset } from '../../data/dataset';
import { hssBadParameter, hssNotFound } from '../../errors';
import { ParamReader } from '../../params';

export const MAX_OFFSET = 2_000_000;

export function hssParams(query: URLSearchParams): ParamReader {
  return new ParamReader(query, hssBadParameter);
}

/** `limit` (in [minLimit, 200], default 10) and `offset` (0–2,000,000, default 0). */
export function paging(params: ParamReader, minLimit: number): { limit: number; offset: number } {
  return { limit: params.int('limit', minLimit, 200, 10), offset: params.int('offset', 0, MAX_OFFSET, 0) };
}

export const REGISTRY_IMAGE_TYPES: readonly HssRegistryImageType[] = [
  'private_image',
  'shared_image',
  'instance_image',
  'harbor',
  'jfrog',
];

/**
 * The image a per-image call names: by id in the path and — for non-CI/CD types — namespace, name and
 * tag in the query, which must all match (else HSS.0011). `anyRegistryType` accepts the image whatever
 * its registry type (files-statistics' `registry`). CI/CD images are served by cicdJoins.ts before this;
 * local images have their own software API, so per-image calls do not find them.
 */
export function resolveImage(
  dataset: Dataset,
  imageId: string,
  params: ParamReader,
  imageType: string,
  tagParam: 'tag_name',
): number {
  if (imageType === 'cicd' || imageType === 'local' || imageType === 'local_image') {
    throw hssNotFound(`no ${imageType} image with id ${imageId}`);
  }
  const namespace = params.text('namespace', 1, 128);
  const imageName = params.text('image_name', 1, 128);
  const tag = params.text(tagParam, 1, 64);
  if (namespace === undefined) params.fail('namespace is required for this image_type');
  if (imageName === undefined) params.fail('image_name is required for this image_type');
  if (tag === undefined) params.fail(`${tagParam} is required for this image_type`);
  const index = dataset.imageIndexOf(imageId);
  if (index === undefined) throw hssNotFound(`image ${imageId}`);
  const repository = dataset.images.repository(index);
  const typeMatches = imageType === 'registry' || repository.type === imageType;
  if (
    !typeMatches ||
    repository.namespace !== namespace ||
    repository.name !== imageName ||
    dataset.images.tag(index) !== tag
  ) {
    throw hssNotFound(`image ${namespace}/${imageName}:${tag} with id ${imageId} and type ${imageType}`);
  }
  return index;
}
