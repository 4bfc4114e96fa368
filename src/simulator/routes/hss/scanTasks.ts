/**
 * Scan tasks, the current HSS scan API (docs §G2):
 * - `POST /v5/{project_id}/image/image-scan/tasks` (CreateManualImageScanTask): `image_info[]` or
 *   `is_all: true` with `query_info`; `scan_scope` int32 bitmask; `rate_limit` 0–1000. Answers 200 with an
 *   empty body: no task id.
 * - `GET /v5/{project_id}/image/tasks` (ListImageScanTask): `type` required (image_sync | image_scan),
 *   limit 10–200, offset 0–2,000,000, filters task_type, task_id, task_status (scanning | finished).
 */
import type { HssRegistryImageType, HssScanStatus } from '../../../upstream/hss/types';
import type { Dataset, RegistryImageFilter } from '../../data/dataset';
import { ScanTaskStore, type MissingImage, type TaskSpec } from '../../data/scanTasks';
import { hssBadParameter } from '../../errors';
import { ParamReader } from '../../params';
import type { RouteContext, RouteDefinition, RouteResult } from '../types';
import { optionalBoolean, optionalNumber, optionalString, parseBody, type Json } from './batchScan';

const REGISTRY_TYPES: Readonly<Record<string, HssRegistryImageType>> = {
  SwrPrivate: 'private_image',
  SwrShared: 'shared_image',
  SwrEnterprise: 'instance_image',
};
const MAX_SCOPE = 0x7fffffff;

/** One task store per simulator (its dataset), made on first use. */
const stores = new WeakMap<Dataset, ScanTaskStore>();
function storeOf(dataset: Dataset): ScanTaskStore {
  let store = stores.get(dataset);
  if (!store) {
    store = new ScanTaskStore(dataset.scans, (index) => {
      const image = dataset.getImage(index);
      return { namespace: image.namespace, image_name: image.image_name, image_version: image.image_version };
    });
    stores.set(dataset, store);
  }
  return store;
}

function namedImages(dataset: Dataset, list: unknown): Pick<TaskSpec, 'images' | 'missing'> {
  if (!Array.isArray(list)) throw hssBadParameter('image_info must be an array');
  const images: TaskSpec['images'] = [];
  const missing: MissingImage[] = [];
  for (const item of list) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw hssBadParameter('image_info items must be objects');
    }
    const info = item as Json;
    for (const key of ['image_id', 'instance_id', 'instance_url']) optionalString(info, key);
    const namespace = optionalString(info, 'namespace');
    const name = optionalString(info, 'image_name');
    const tag = optionalString(info, 'image_version');
    const registryType = optionalString(info, 'registry_type') ?? 'SwrPrivate';
    if (namespace === undefined || name === undefined || tag === undefined) {
      throw hssBadParameter('image_info items need namespace, image_name and image_version');
    }
    const index = dataset.indexOfReference(namespace, name, tag);
    const wanted = REGISTRY_TYPES[registryType];
    if (index !== undefined && (wanted === undefined || dataset.images.repository(index).type === wanted)) {
      images.push({ index, registryType });
    } else {
      missing.push({ namespace, image_name: name, image_version: tag, registry_type: registryType });
    }
  }
  return { images, missing };
}

function allImages(dataset: Dataset, query: unknown): TaskSpec['images'] {
  const info = (query ?? {}) as Json;
  if (typeof info !== 'object' || Array.isArray(info)) throw hssBadParameter('query_info must be an object');
  const imageType = (optionalString(info, 'image_type') ?? 'private_image') as HssRegistryImageType;
  const filter: RegistryImageFilter = { imageType };
  const namespace = optionalString(info, 'namespace');
  const imageName = optionalString(info, 'image_name');
  const imageVersion = optionalString(info, 'image_version');
  const scanStatus = optionalString(info, 'scan_status') as HssScanStatus | undefined;
  if (namespace !== undefined) filter.namespace = namespace;
  if (imageName !== undefined) filter.imageName = imageName;
  if (imageVersion !== undefined) filter.imageVersion = imageVersion;
  if (scanStatus !== undefined) filter.scanStatus = scanStatus;
  const registryType = Object.entries(REGISTRY_TYPES).find(([, type]) => type === imageType)?.[0] ?? 'Other';
  return Array.from(dataset.queryImages(filter), (index) => ({ index, registryType }));
}

function createTask(context: RouteContext): RouteResult {
  const query = new ParamReader(context.query, hssBadParameter);
  const globalType = query.oneOf('global_image_type', ['registry', 'local'] as const) ?? 'registry';
  const body = parseBody(context.body);
  const scanScope = optionalNumber(body, 'scan_scope') ?? MAX_SCOPE;
  if (scanScope > MAX_SCOPE) throw hssBadParameter('scan_scope must be an int32 bitmask');
  const rateLimit = optionalNumber(body, 'rate_limit') ?? 0;
  if (rateLimit > 1000) throw hssBadParameter('rate_limit must be between 0 and 1000');
  const isAll = optionalBoolean(body, 'is_all') === true;
  const hasList = Array.isArray(body.image_info) && body.image_info.length > 0;
  if (!isAll && !hasList) throw hssBadParameter('image_info is required unless is_all is true');
  // The simulator has no node-local images: a local task finds nothing to scan.
  const chosen =
    globalType === 'local'
      ? { images: [], missing: [] }
      : isAll
        ? { images: allImages(context.dataset, body.query_info), missing: [] }
        : namedImages(context.dataset, body.image_info);
  storeOf(context.dataset).create({ ...chosen, scanScope, rateLimit, isAll });
  return { status: 200 };
}

function listTasks(context: RouteContext): RouteResult {
  const query = new ParamReader(context.query, hssBadParameter);
  const type = query.oneOf('type', ['image_sync', 'image_scan'] as const);
  if (type === undefined) query.fail('type is required');
  query.oneOf('global_image_type', ['registry', 'local'] as const);
  const limit = query.int('limit', 10, 200, 10);
  const offset = query.int('offset', 0, 2_000_000, 0);
  const taskType = query.oneOf('task_type', ['cycle', 'manual', 'autoSync', 'manualSync'] as const);
  const taskId = query.text('task_id', 1, 64);
  const status = query.oneOf('task_status', ['scanning', 'finished'] as const);
  const rows =
    type === 'image_sync'
      ? []
      : storeOf(context.dataset)
          .rows()
          .filter(
            (row) =>
              (taskType === undefined || row.task_type === taskType) &&
              (taskId === undefined || row.task_id === taskId) &&
              (status === undefined || (row.task_status === 100) === (status === 'finished')),
          );
  return { status: 200, body: { total_num: rows.length, data_list: rows.slice(offset, offset + limit) } };
}

export const createManualImageScanTaskRoute: RouteDefinition = {
  id: 'hss.createManualImageScanTask',
  method: 'POST',
  path: '/v5/:project_id/image/image-scan/tasks',
  service: 'hss',
  auth: 'token',
  rateLimited: true,
  readsBody: true,
  handle: createTask,
};

export const listImageScanTasksRoute: RouteDefinition = {
  id: 'hss.listImageScanTasks',
  method: 'GET',
  path: '/v5/:project_id/image/tasks',
  service: 'hss',
  auth: 'token',
  rateLimited: true,
  readsBody: false,
  handle: listTasks,
};
