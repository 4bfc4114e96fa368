/** `containerImages`, `containerImage`, and the `ContainerImage` / `ImageScan` fields with their joins. */
import { imageSoftwarePage } from './imageSoftwarePage';
import { refOfImage, wasNeverScanned } from '../domain/imageScan';
import type {
  ContainerImageFilter,
  ContainerImageResolvers,
  ImageScanResolvers,
  QueryResolvers,
} from '../generated/graphql';
import type { GatewayContext } from '../graphql/context';
import { notFoundError, userInputError } from '../graphql/errors';
import { containerImageId, decodeIdOf } from '../graphql/ids';
import { assertImageRefPart, formatReference, type ImageRef } from '../graphql/imageRef';
import { containerImageModel, sharedRepositoryModel, type ContainerImageModel } from '../graphql/models';
import { HSS_REGISTRY_IMAGES_LIMITS, pageOf, pageRequest } from '../graphql/pagination';
import {
  HSS_SCAN_FAILED_CODES,
  HSS_SCAN_STATUS_FILTERS,
  type HssRegistryImageType,
  type HssScanFailedCode,
  type ListRegistryImagesQuery,
} from '../upstream/hss/types';
import type { SwrShareCenter } from '../upstream/swr/types';
import { noteIfStale } from '../graphql/staleFields';
import { timeOrNull } from './scalars';

/** Which SWR share center holds an image's repository; other registries have no shared repositories. */
const SHARE_CENTER_OF: Partial<Record<HssRegistryImageType, SwrShareCenter>> = {
  shared_image: 'thirdparty',
  private_image: 'self',
};

function isScanStatusFilter(value: string): value is (typeof HSS_SCAN_STATUS_FILTERS)[number] {
  return (HSS_SCAN_STATUS_FILTERS as readonly string[]).includes(value);
}

/** ContainerImageFilter → ListRegistryImages query parameters (validated: HSS would 400 and spend quota). */
export function registryImagesQuery(
  filter: ContainerImageFilter | null | undefined,
): ListRegistryImagesQuery {
  const query: ListRegistryImagesQuery = {};
  if (!filter) return query;
  if (filter.type != null) query.image_type = filter.type;
  if (filter.namespace != null)
    query.namespace = assertImageRefPart('namespace', filter.namespace, 'filter.namespace');
  if (filter.name != null) query.image_name = assertImageRefPart('name', filter.name, 'filter.name');
  if (filter.tag != null) query.image_version = assertImageRefPart('tag', filter.tag, 'filter.tag');
  if (filter.scanStatus != null) {
    if (!isScanStatusFilter(filter.scanStatus)) {
      throw userInputError(
        'filter.scanStatus: HSS filters only on UNSCANNED, SUCCESS, SCANNING, FAILED, WAITING_FOR_SCAN.',
      );
    }
    query.scan_status = filter.scanStatus;
  }
  if (filter.latestVersionOnly != null) query.latest_version = filter.latestVersionOnly;
  if (filter.hasVulnerabilities != null) query.has_vul = filter.hasVulnerabilities;
  if (filter.severity != null) query.severity_level = filter.severity;
  return query;
}

/**
 * One image by reference (one HSS call, batched per repository). `expectedImageId`, from a global id,
 * must still be what the tag points at: otherwise the image the id named no longer exists.
 */
export async function loadContainerImage(
  context: GatewayContext,
  ref: ImageRef,
  expectedImageId?: string,
): Promise<ContainerImageModel> {
  const record = await context.loaders.imageByRef.load(ref);
  if (!record || (expectedImageId !== undefined && record.image_id !== expectedImageId)) {
    throw notFoundError(`Container image ${formatReference(ref)}`);
  }
  return containerImageModel(record);
}

export const containerImageQueries: Pick<QueryResolvers, 'containerImages' | 'containerImage'> = {
  async containerImages(_root, { filter, first, after }, { loaders, staleFields }, info) {
    const query = registryImagesQuery(filter);
    const request = pageRequest(first, after, HSS_REGISTRY_IMAGES_LIMITS);
    const page = noteIfStale(
      staleFields,
      info,
      await loaders.registryImagesPage.load({ ...query, offset: request.offset, limit: request.limit }),
    );
    return pageOf(request, page.data_list.map(containerImageModel), page.total_num);
  },

  async containerImage(_root, { id, type, namespace, name, tag }, context) {
    const byRef = [type, namespace, name, tag].some((value) => value != null);
    if ((id != null) === byRef) {
      throw userInputError('Give either `id`, or all of `type`, `namespace`, `name` and `tag`.');
    }
    if (id != null) {
      const decoded = decodeIdOf(id, 'ContainerImage');
      return loadContainerImage(context, decoded, decoded.imageId);
    }
    if (type == null || namespace == null || name == null || tag == null) {
      throw userInputError(
        '`type`, `namespace`, `name` and `tag` are all needed to find an image by reference.',
      );
    }
    return loadContainerImage(context, {
      type,
      namespace: assertImageRefPart('namespace', namespace, 'namespace'),
      name: assertImageRefPart('name', name, 'name'),
      tag: assertImageRefPart('tag', tag, 'tag'),
    });
  },
};

export const ContainerImage: ContainerImageResolvers = {
  id: ({ record }) => containerImageId(refOfImage(record), record.image_id),
  imageId: ({ record }) => record.image_id,
  digest: ({ record }) => record.image_digest || null,
  type: ({ record }) => record.image_type,
  namespace: ({ record }) => record.namespace,
  name: ({ record }) => record.image_name,
  tag: ({ record }) => record.image_version,
  reference: ({ record }) => formatReference(refOfImage(record)),
  sizeBytes: ({ record }) => record.image_size ?? null,
  latestVersion: ({ record }) => record.latest_version,
  updatedAt: ({ record }) => timeOrNull(record.latest_update_time),
  registryName: ({ record }) => record.registry_name || null,
  ownerDomain: ({ record }) => record.domain_name || null,
  multiArch: ({ record }) => record.is_multiple_arch,
  scan: ({ record }) => record,

  async fileStatistics({ record }, _args, { loaders, staleFields }, info) {
    // HSS holds no statistics before a first scan (it answers zeros): say "unknown" and spend no call.
    if (wasNeverScanned(record)) return null;
    const stat = noteIfStale(staleFields, info, await loaders.filesStatistics.load(record));
    return { fileCount: stat.total_files_num, totalSizeBytes: stat.total_files_size };
  },

  apps: (image, args, context, info) =>
    imageSoftwarePage(image, args, context, info, (page) =>
      context.loaders.imageApps.load({ image: image.record, ...page }),
    ),

  async sharedRepository({ record }, _args, { loaders }) {
    const center = SHARE_CENTER_OF[record.image_type];
    if (!center) return null;
    const repo = await loaders.sharedRepository.load({
      center,
      namespace: record.namespace,
      name: record.image_name,
    });
    return repo ? sharedRepositoryModel(center, repo) : null;
  },
};

function failureCode(code: string): HssScanFailedCode | null {
  if (code === '') return null;
  // Codes HSS adds later are documented to arrive as UNKNOWN_ERROR rather than fail the field.
  return (HSS_SCAN_FAILED_CODES as readonly string[]).includes(code)
    ? (code as HssScanFailedCode)
    : 'unknown_error';
}

export const ImageScan: ImageScanResolvers = {
  status: (record) => record.scan_status,
  failureCode: (record) => failureCode(record.scan_failed_code),
  failureReason: (record) => record.scan_failed_desc || null,
  lastScannedAt: (record) => timeOrNull(record.latest_scan_time),
  severity: (record) => record.severity_level || null,
  vulnerabilityCount: (record) => record.vul_num,
  unsafeSettingCount: (record) => record.unsafe_setting_num,
  maliciousFileCount: (record) => record.malicious_file_num,
  scannable: (record) => record.scannable,
};
