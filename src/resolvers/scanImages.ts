/**
 * `scanImages`: validates everything before the one HSS batch-scan call (not idempotent, never retried,
 * and it spends the scarce HSS quota), then reports what was requested.
 */
import type { MutationResolvers, ScanImagesFilter, ScanImagesInput } from '../generated/graphql';
import { userInputError } from '../graphql/errors';
import { assertImageRefPart } from '../graphql/imageRef';
import { BATCH_SCAN_STATUS_FILTERS, type BatchScanSwrImageBody } from '../upstream/hss/types';

/** batch-scan accepts 1–100 named images per request. */
export const MAX_SCAN_IMAGES = 100;

type ScannableType = BatchScanSwrImageBody['image_type'];
type ScanStatusFilter = NonNullable<BatchScanSwrImageBody['scan_status']>;

const SCANNABLE_TYPES: readonly string[] = [
  'private_image',
  'shared_image',
  'instance_image',
] satisfies ScannableType[];
const SCAN_STATUS_FILTERS: readonly string[] = BATCH_SCAN_STATUS_FILTERS;

function allFilter(filter: ScanImagesFilter | null | undefined): Partial<BatchScanSwrImageBody> {
  const body: Partial<BatchScanSwrImageBody> = {};
  if (!filter) return body;
  if (filter.namespace != null)
    body.namespace = assertImageRefPart('namespace', filter.namespace, 'filter.namespace');
  if (filter.name != null) body.image_name = assertImageRefPart('name', filter.name, 'filter.name');
  if (filter.tag != null) body.image_version = assertImageRefPart('tag', filter.tag, 'filter.tag');
  if (filter.scanStatus != null) {
    if (!SCAN_STATUS_FILTERS.includes(filter.scanStatus)) {
      throw userInputError('filter.scanStatus cannot be WAITING_FOR_SCAN for a batch scan.');
    }
    body.scan_status = filter.scanStatus as ScanStatusFilter;
  }
  if (filter.latestVersionOnly != null) body.latest_version = filter.latestVersionOnly;
  return body;
}

/** ScanImagesInput → batch-scan body; BAD_USER_INPUT for anything HSS would refuse or misread. */
export function batchScanBody(input: ScanImagesInput): BatchScanSwrImageBody {
  if (!SCANNABLE_TYPES.includes(input.imageType)) {
    throw userInputError(
      'input.imageType must be PRIVATE, SHARED or ENTERPRISE; HSS cannot batch-scan others.',
    );
  }
  const imageType = input.imageType as ScannableType;
  const wantsAll = input.all === true;
  if ((input.images != null) === wantsAll) {
    throw userInputError('Give either input.images (1–100 images) or input.all: true, not both.');
  }
  if (input.images == null) {
    return { image_type: imageType, operate_all: true, ...allFilter(input.filter) };
  }
  if (input.filter != null) throw userInputError('input.filter applies only with input.all: true.');
  if (input.images.length < 1 || input.images.length > MAX_SCAN_IMAGES) {
    throw userInputError(`input.images must name 1–${MAX_SCAN_IMAGES} images.`);
  }
  const imageInfoList = input.images.map((image, index) => ({
    namespace: assertImageRefPart('namespace', image.namespace, `input.images[${index}].namespace`),
    image_name: assertImageRefPart('name', image.name, `input.images[${index}].name`),
    image_version: assertImageRefPart('tag', image.tag, `input.images[${index}].tag`),
  }));
  return { image_type: imageType, image_info_list: imageInfoList };
}

export const scanImagesMutation: Pick<MutationResolvers, 'scanImages'> = {
  async scanImages(_root, { input }, { clients, signal }) {
    const body = batchScanBody(input);
    await clients.hss.batchScanSwrImage(body, { signal });
    return {
      accepted: true,
      requestedCount: body.image_info_list?.length ?? null,
      imageType: input.imageType,
      all: body.operate_all === true,
    };
  },
};
