/**
 * `scanImages`: validates everything before the one HSS batch-scan call (not idempotent, never retried,
 * and it spends the scarce HSS quota), then reports what was requested.
 */
import type { MutationResolvers, ScanImagesFilter, ScanImagesInput } from '../generated/graphql';
import { userInputError } from '../graphql/errors';
import { assertImageRefPart } from '../graphql/imageRef';
import { enterpriseInstance } from './enterpriseInstance';
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
  if (filter.sizeBytes != null) {
    if (filter.sizeBytes < 0) throw userInputError('filter.sizeBytes must not be negative.');
    body.image_size = filter.sizeBytes;
  }
  Object.assign(
    body,
    timeBounds('latest_update_time', filter.updatedAfter, filter.updatedBefore, 'filter.updated'),
    timeBounds('latest_scan_time', filter.scannedAfter, filter.scannedBefore, 'filter.scanned'),
  );
  return body;
}

/** `start_{name}`/`end_{name}` in epoch ms from two DateTimes; BAD_USER_INPUT when start is after end. */
function timeBounds(
  name: 'latest_update_time' | 'latest_scan_time',
  after: string | null | undefined,
  before: string | null | undefined,
  argument: string,
): Partial<BatchScanSwrImageBody> {
  const start = after == null ? undefined : Date.parse(after);
  const end = before == null ? undefined : Date.parse(before);
  for (const [value, which] of [
    [start, 'After'],
    [end, 'Before'],
  ] as const) {
    if (value !== undefined && !(value >= 0)) throw userInputError(`${argument}${which} must be after 1970.`);
  }
  if (start !== undefined && end !== undefined && start > end) {
    throw userInputError(`${argument}After must not be later than ${argument}Before.`);
  }
  return {
    ...(start !== undefined && { [`start_${name}`]: start }),
    ...(end !== undefined && { [`end_${name}`]: end }),
  };
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
    return { repo_type: 'SWR', image_type: imageType, operate_all: true, ...allFilter(input.filter) };
  }
  if (input.filter != null) throw userInputError('input.filter applies only with input.all: true.');
  if (input.images.length < 1 || input.images.length > MAX_SCAN_IMAGES) {
    throw userInputError(`input.images must name 1–${MAX_SCAN_IMAGES} images.`);
  }
  const imageInfoList = input.images.map((image, index) => ({
    namespace: assertImageRefPart('namespace', image.namespace, `input.images[${index}].namespace`),
    image_name: assertImageRefPart('name', image.name, `input.images[${index}].name`),
    image_version: assertImageRefPart('tag', image.tag, `input.images[${index}].tag`),
    ...enterpriseInstance(image, imageType === 'instance_image', `input.images[${index}]`),
  }));
  return { repo_type: 'SWR', image_type: imageType, image_info_list: imageInfoList };
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
