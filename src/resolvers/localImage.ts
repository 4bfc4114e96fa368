/** `localImages`, `localImage` and the `LocalImage` fields with their software join. */
import { imageSoftwarePage } from './imageSoftwarePage';
import type { LocalImageFilter, LocalImageResolvers, QueryResolvers } from '../generated/graphql';
import type { GatewayContext } from '../graphql/context';
import { notFoundError, userInputError } from '../graphql/errors';
import { decodeIdOf, localImageId, type LocalImageId } from '../graphql/ids';
import { localImageModel, type ImageScanModel, type LocalImageModel } from '../graphql/imageKindModels';
import { HSS_APPS_LIMITS, pageOf, pageRequest } from '../graphql/pagination';
import { noteIfStale } from '../graphql/staleFields';
import type { HssLocalImage, ListImageLocalQuery } from '../upstream/hss/imageKindsTypes';
import type { HssScanStatus } from '../upstream/hss/types';
import { scanStatusFilter, textFilter } from './imageKindInput';
import { timeOrNull } from './scalars';

/** ListImageLocal pages like the other HSS v5 lists: limit 10–200, offset 0–2,000,000. */
const LOCAL_IMAGES_LIMITS = HSS_APPS_LIMITS;
/** ListImageLocal documents image_name as 1–256 characters; the other text filters are taken alike. */
const MAX_TEXT = 256;

/** The text filters that map one to one to a ListImageLocal parameter. */
const TEXT_FILTERS = {
  hostName: 'host_name',
  hostId: 'host_id',
  hostIp: 'host_ip',
  containerId: 'container_id',
  containerName: 'container_name',
  podId: 'pod_id',
  podName: 'pod_name',
  appName: 'app_name',
} as const satisfies Partial<Record<keyof LocalImageFilter, keyof ListImageLocalQuery>>;

/** LocalImageFilter → ListImageLocal query (validated: HSS would answer 400 and spend quota). */
export function localImagesQuery(filter: LocalImageFilter | null | undefined): ListImageLocalQuery {
  const query: ListImageLocalQuery = {};
  if (!filter) return query;
  if (filter.name != null) query.image_name = textFilter('filter.name', filter.name, MAX_TEXT);
  if (filter.tag != null) {
    // HSS ignores image_version without image_name: say so rather than return an unfiltered list.
    if (filter.name == null)
      throw userInputError('filter.tag needs filter.name (HSS applies it only with it).');
    query.image_version = textFilter('filter.tag', filter.tag, MAX_TEXT);
  }
  for (const [field, parameter] of Object.entries(TEXT_FILTERS) as [keyof typeof TEXT_FILTERS, string][]) {
    const value = filter[field];
    if (value != null)
      query[parameter as (typeof TEXT_FILTERS)[typeof field]] = textFilter(
        `filter.${field}`,
        value,
        MAX_TEXT,
      );
  }
  if (filter.scanStatus != null) query.scan_status = scanStatusFilter('filter.scanStatus', filter.scanStatus);
  if (filter.source != null) query.local_image_type = filter.source;
  if (filter.hasVulnerabilities != null) query.has_vul = filter.hasVulnerabilities;
  if (filter.hasContainers != null) query.has_container = filter.hasContainers;
  return query;
}

export async function loadLocalImage(context: GatewayContext, id: LocalImageId): Promise<LocalImageModel> {
  const record = await context.loaders.localImage.load({ imageId: id.imageId, name: id.name, tag: id.tag });
  if (!record) throw notFoundError(`Local image ${id.name}`);
  return localImageModel(record);
}

export const localImageQueries: Pick<QueryResolvers, 'localImages' | 'localImage'> = {
  async localImages(_root, { filter, first, after }, { loaders, staleFields }, info) {
    const query = localImagesQuery(filter);
    const request = pageRequest(first, after, LOCAL_IMAGES_LIMITS);
    const page = noteIfStale(
      staleFields,
      info,
      await loaders.localImagesPage.load({ ...query, offset: request.offset, limit: request.limit }),
    );
    return pageOf(request, page.data_list.map(localImageModel), page.total_num);
  },

  localImage: (_root, { id }, context) => loadLocalImage(context, decodeIdOf(id, 'LocalImage')),
};

/**
 * Local records in the registry-image scan vocabulary: `waiting` is the list's spelling of
 * `waiting_for_scan`; a failed node-side scan has only a reason (`scan_failed_desc`), kept as the code.
 */
export function localScan(record: HssLocalImage): ImageScanModel {
  const failed = record.scan_status === 'failed';
  return {
    ...record,
    scan_status:
      record.scan_status === 'waiting' ? 'waiting_for_scan' : (record.scan_status as HssScanStatus),
    scan_failed_code: failed ? record.scan_failed_desc || 'unknown_error' : '',
    scannable: record.non_scan_reason === '',
  };
}

export const LocalImage: LocalImageResolvers = {
  id: ({ record }) => localImageId(record.image_id, record.image_name, record.image_version),
  imageId: ({ record }) => record.image_id,
  digest: ({ record }) => record.image_digest || null,
  kind: () => 'local',
  name: ({ record }) => record.image_name,
  tag: ({ record }) => record.image_version || null,
  reference: ({ record }) =>
    record.image_version ? `${record.image_name}:${record.image_version}` : record.image_name,
  sizeBytes: ({ record }) => record.image_size,
  updatedAt: ({ record }) => timeOrNull(record.latest_update_time),
  source: ({ record }) => record.local_image_type || null,
  hostCount: ({ record }) => record.host_num,
  containerCount: ({ record }) => record.container_num,
  componentCount: ({ record }) => record.component_num,
  host: ({ record }) =>
    record.host_id ? { id: record.host_id, name: record.host_name, agentId: record.agent_id } : null,
  scan: ({ record }) => localScan(record),

  apps: (image, args, context, info) =>
    imageSoftwarePage(image, args, context, info, (page) =>
      context.loaders.localImageApps.load({ image: image.record, ...page }),
    ),
};
