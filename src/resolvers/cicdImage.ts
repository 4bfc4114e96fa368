/** `cicdImages`, `cicdImage` and the `CicdImage` fields with their joins (files statistics, software). */
import { imageSoftwarePage } from './imageSoftwarePage';
import type { CicdImageFilter, CicdImageResolvers, QueryResolvers } from '../generated/graphql';
import type { GatewayContext } from '../graphql/context';
import { notFoundError, userInputError } from '../graphql/errors';
import { cicdImageId, decodeIdOf, type CicdImageId } from '../graphql/ids';
import { cicdImageModel, type CicdImageModel, type ImageScanModel } from '../graphql/imageKindModels';
import { assertImageRefPart } from '../graphql/imageRef';
import { HSS_APPS_LIMITS, pageOf, pageRequest } from '../graphql/pagination';
import { noteIfStale } from '../graphql/staleFields';
import type { HssCicdImage, ListCicdImagesQuery } from '../upstream/hss/imageKindsTypes';
import { imageIdFilter, scanStatusFilter } from './imageKindInput';
import { timeOrNull } from './scalars';

/** ListCicdImages pages like the other HSS v5 lists: limit 10–200, offset 0–2,000,000. */
const CICD_IMAGES_LIMITS = HSS_APPS_LIMITS;
const MAX_PIPELINE_NAME = 128;

/** CicdImageFilter → ListCicdImages query (validated: HSS would answer 400 and spend quota). */
export function cicdImagesQuery(filter: CicdImageFilter | null | undefined): ListCicdImagesQuery {
  const query: ListCicdImagesQuery = {};
  if (!filter) return query;
  if (filter.namespace != null)
    query.namespace = assertImageRefPart('namespace', filter.namespace, 'filter.namespace');
  if (filter.name != null) query.image_name = assertImageRefPart('name', filter.name, 'filter.name');
  if (filter.tag != null) query.image_version = assertImageRefPart('tag', filter.tag, 'filter.tag');
  if (filter.imageId != null) query.image_id = imageIdFilter('filter.imageId', filter.imageId);
  if (filter.pipelineName != null) {
    if (filter.pipelineName.length > MAX_PIPELINE_NAME) {
      throw userInputError(`filter.pipelineName must be at most ${MAX_PIPELINE_NAME} characters.`);
    }
    if (filter.pipelineName !== '') query.cicd_name = filter.pipelineName;
  }
  if (filter.pipelineType != null) query.pipeline_type = filter.pipelineType;
  if (filter.scanStatus != null) query.scan_status = scanStatusFilter('filter.scanStatus', filter.scanStatus);
  if (filter.latestVersionOnly != null) query.latest_version = filter.latestVersionOnly;
  if (filter.hasVulnerabilities != null) query.has_vul = filter.hasVulnerabilities;
  if (filter.severity != null) query.severity_level = filter.severity;
  return query;
}

export async function loadCicdImage(context: GatewayContext, id: CicdImageId): Promise<CicdImageModel> {
  const record = await context.loaders.cicdImage.load({
    imageId: id.imageId,
    namespace: id.namespace,
    name: id.name,
  });
  if (!record) throw notFoundError(`CI/CD image ${id.imageId}`);
  return cicdImageModel(record);
}

export const cicdImageQueries: Pick<QueryResolvers, 'cicdImages' | 'cicdImage'> = {
  async cicdImages(_root, { filter, first, after }, { loaders, staleFields }, info) {
    const query = cicdImagesQuery(filter);
    const request = pageRequest(first, after, CICD_IMAGES_LIMITS);
    const page = noteIfStale(
      staleFields,
      info,
      await loaders.cicdImagesPage.load({ ...query, offset: request.offset, limit: request.limit }),
    );
    return pageOf(request, page.data_list.map(cicdImageModel), page.total_num);
  },

  cicdImage: (_root, { id }, context) => loadCicdImage(context, decodeIdOf(id, 'CicdImage')),
};

/** CI/CD records in the registry-image scan vocabulary; HSS scans every image a pipeline reports. */
export function cicdScan(record: HssCicdImage): ImageScanModel {
  return { ...record, scannable: true };
}

export function cicdReference(record: HssCicdImage): string {
  const name = record.namespace ? `${record.namespace}/${record.image_name}` : record.image_name;
  return record.image_version ? `${name}:${record.image_version}` : name;
}

export const CicdImage: CicdImageResolvers = {
  id: ({ record }) => cicdImageId(record.image_id, record.namespace, record.image_name),
  imageId: ({ record }) => record.image_id,
  digest: ({ record }) => record.image_digest || null,
  kind: () => 'cicd',
  namespace: ({ record }) => record.namespace,
  name: ({ record }) => record.image_name,
  tag: ({ record }) => record.image_version || null,
  reference: ({ record }) => cicdReference(record),
  sizeBytes: ({ record }) => record.image_size,
  updatedAt: ({ record }) => timeOrNull(record.latest_update_time),
  pipelineName: ({ record }) => record.cicd_name || null,
  pipelineType: ({ record }) => record.pipeline_type || null,
  latestVersion: ({ record }) => record.latest_version,
  registryName: ({ record }) => record.registry_name || null,
  registryType: ({ record }) => record.image_type || null,
  scan: ({ record }) => cicdScan(record),

  async fileStatistics({ record }, _args, { loaders, staleFields }, info) {
    const stat = noteIfStale(staleFields, info, await loaders.cicdFilesStatistics.load(record));
    return stat && { fileCount: stat.total_files_num, totalSizeBytes: stat.total_files_size };
  },

  apps: (image, args, context, info) =>
    imageSoftwarePage(image, args, context, info, (page) =>
      context.loaders.cicdImageApps.load({ image: image.record, ...page }),
    ),
};
