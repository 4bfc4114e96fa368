/**
 * Scan tasks, the current HSS scan API: `startImageScanTask` validates everything before the one
 * CreateManualImageScanTask call (not idempotent, never retried), then finds the task it created through
 * ListImageScanTask (HSS answers no task id); `imageScanTasks` pages the task list with progress.
 */
import type {
  ImageScanTaskResolvers,
  MutationResolvers,
  QueryResolvers,
  ScanTaskFailedImageResolvers,
  ScanTaskFilter,
  StartImageScanTaskInput,
} from '../generated/graphql';
import { ScanTaskState } from '../generated/graphql';
import { userInputError } from '../graphql/errors';
import { assertImageRefPart } from '../graphql/imageRef';
import { HSS_SCAN_TASKS_LIMITS, pageOf, pageRequest } from '../graphql/pagination';
import { HSS_SCAN_TASK_MAX_RATE_LIMIT } from '../upstream/facts';
import type { UpstreamClients } from '../upstream/clients';
import {
  SCAN_SCOPE_ALL,
  SCAN_SCOPE_BITS,
  type CreateManualImageScanTaskBody,
  type HssImageScanTask,
  type ListImageScanTasksQuery,
  type ScanTaskQueryInfo,
  type ScanTaskRegistryType,
  type ScanTaskType,
} from '../upstream/hss/scanTaskTypes';
import { BATCH_SCAN_STATUS_FILTERS } from '../upstream/hss/types';
import { enterpriseInstance } from './enterpriseInstance';
import { MAX_SCAN_IMAGES } from './scanImages';
import { timeOrNull } from './scalars';

const REGISTRY_TYPE_OF: Readonly<Record<string, ScanTaskRegistryType>> = {
  private_image: 'SwrPrivate',
  shared_image: 'SwrShared',
  instance_image: 'SwrEnterprise',
};
const TASK_KINDS: readonly string[] = ['cycle', 'manual', 'autoSync', 'manualSync'] satisfies ScanTaskType[];
/** HSS's clock and ours may differ; a task listed as begun this long before our call can still be ours. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Newest tasks looked at to find the one just created. */
const MATCH_WINDOW = 10;

function registryType(type: string, argument: string): ScanTaskRegistryType {
  const registry = REGISTRY_TYPE_OF[type];
  if (!registry) throw userInputError(`${argument} must be PRIVATE, SHARED or ENTERPRISE for a scan task.`);
  return registry;
}

function queryInfo(filter: ScanTaskFilter | null | undefined): ScanTaskQueryInfo {
  const info: ScanTaskQueryInfo = { image_type: 'private_image' };
  if (!filter) return info;
  if (filter.type != null) {
    registryType(filter.type, 'input.filter.type');
    info.image_type = filter.type;
  }
  if (filter.namespace != null)
    info.namespace = assertImageRefPart('namespace', filter.namespace, 'input.filter.namespace');
  if (filter.name != null) info.image_name = assertImageRefPart('name', filter.name, 'input.filter.name');
  if (filter.tag != null) info.image_version = assertImageRefPart('tag', filter.tag, 'input.filter.tag');
  if (filter.scanStatus != null) {
    if (!(BATCH_SCAN_STATUS_FILTERS as readonly string[]).includes(filter.scanStatus)) {
      throw userInputError('input.filter.scanStatus cannot be WAITING_FOR_SCAN for a scan task.');
    }
    info.scan_status = filter.scanStatus;
  }
  return info;
}

/** StartImageScanTaskInput → CreateManualImageScanTask body; BAD_USER_INPUT for anything HSS would refuse. */
export function scanTaskBody(input: StartImageScanTaskInput): CreateManualImageScanTaskBody {
  const wantsAll = input.all === true;
  if ((input.images != null) === wantsAll) {
    throw userInputError(
      `Give either input.images (1–${MAX_SCAN_IMAGES} images) or input.all: true, not both.`,
    );
  }
  let scanScope = SCAN_SCOPE_ALL;
  if (input.scope != null) {
    if (input.scope.length === 0)
      throw userInputError('input.scope must name at least one scope (or be omitted).');
    scanScope = input.scope.reduce((bits, scope) => bits | scope, 0);
  }
  const rate = input.imagesPerHour ?? 0;
  if (!Number.isInteger(rate) || rate < 0 || rate > HSS_SCAN_TASK_MAX_RATE_LIMIT) {
    throw userInputError(`input.imagesPerHour must be 0–${HSS_SCAN_TASK_MAX_RATE_LIMIT} (0 = unlimited).`);
  }
  const common = { scan_scope: scanScope, rate_limit: rate };
  if (input.images == null) return { ...common, is_all: true, query_info: queryInfo(input.filter) };
  if (input.filter != null) throw userInputError('input.filter applies only with input.all: true.');
  if (input.images.length < 1 || input.images.length > MAX_SCAN_IMAGES) {
    throw userInputError(`input.images must name 1–${MAX_SCAN_IMAGES} images.`);
  }
  const imageInfo = input.images.map((image, index) => {
    const at = `input.images[${index}]`;
    const registry = registryType(image.type, `${at}.type`);
    const instance = enterpriseInstance(image, registry === 'SwrEnterprise', at);
    return {
      namespace: assertImageRefPart('namespace', image.namespace, `${at}.namespace`),
      image_name: assertImageRefPart('name', image.name, `${at}.name`),
      image_version: assertImageRefPart('tag', image.tag, `${at}.tag`),
      registry_type: registry,
      ...instance,
    };
  });
  return { ...common, image_info: imageInfo };
}

/**
 * One start at a time in this process: create, then list, before the next create. So the newest manual
 * task listed after our create is ours, unless someone else (a console, another replica) started one in
 * the same moment: then the payload may name theirs. HSS offers nothing better (no id, no client token).
 */
let startQueue: Promise<unknown> = Promise.resolve();

async function startAndFind(
  clients: UpstreamClients,
  body: CreateManualImageScanTaskBody,
  signal: AbortSignal | undefined,
): Promise<{ task: Promise<HssImageScanTask | null> }> {
  const run = startQueue.then(async () => {
    const startedAt = Date.now();
    await clients.hss.createManualImageScanTask(body, { global_image_type: 'registry' }, { signal });
    // The lookup's failure belongs to the `task` field, not to the start that succeeded.
    const task = clients.hss
      .listImageScanTasks(
        { type: 'image_scan', task_type: 'manual', limit: MATCH_WINDOW, offset: 0 },
        // Never an answer from before the create: a distinct call, not stored.
        { signal, noStore: true, contentVersion: `started:${startedAt}` },
      )
      .then((page) => newestSince(page.data_list, startedAt - CLOCK_SKEW_MS));
    await task.catch(() => undefined);
    return { task };
  });
  startQueue = run.catch(() => undefined);
  return run;
}

function newestSince(tasks: HssImageScanTask[], since: number): HssImageScanTask | null {
  const candidates = tasks.filter((task) => task.task_type === 'manual' && task.begin_time >= since);
  candidates.sort((a, b) => b.begin_time - a.begin_time);
  return candidates[0] ?? null;
}

export const scanTaskMutation: Pick<MutationResolvers, 'startImageScanTask'> = {
  async startImageScanTask(_root, { input }, { clients, signal }) {
    const body = scanTaskBody(input);
    const { task } = await startAndFind(clients, body, signal);
    // `task` stays a promise: if the lookup fails, the error lands on `task` and `accepted` still says
    // the scan started.
    // (The generated type wants Promise<T> for a nullable field; a promise of null is served as null.)
    const pending = task as Promise<HssImageScanTask>;
    return { accepted: true, requestedCount: body.image_info?.length ?? null, task: pending };
  },
};

export const scanTaskQueries: Pick<QueryResolvers, 'imageScanTasks'> = {
  async imageScanTasks(_root, { filter, first, after }, { clients, signal }) {
    const request = pageRequest(first, after, HSS_SCAN_TASKS_LIMITS);
    const query: ListImageScanTasksQuery = {
      type: 'image_scan',
      limit: request.limit,
      offset: request.offset,
    };
    if (filter?.running != null) query.task_status = filter.running ? 'scanning' : 'finished';
    if (filter?.kind != null) query.task_type = filter.kind;
    if (filter?.id != null) {
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(filter.id)) throw userInputError('filter.id is not a scan task id.');
      query.task_id = filter.id;
    }
    const page = await clients.hss.listImageScanTasks(query, { signal });
    return pageOf(request, page.data_list, page.total_num);
  },
};

function state(status: number): ScanTaskState {
  if (status === 100) return ScanTaskState.Finished;
  if (status >= 0 && status < 100) return ScanTaskState.Running;
  if (status === -1) return ScanTaskState.Terminated;
  if (status === -2) return ScanTaskState.TimedOut;
  return ScanTaskState.Failed;
}

export const ImageScanTask: ImageScanTaskResolvers = {
  id: (task) => task.task_id,
  name: (task) => task.task_name || null,
  kind: (task) => (TASK_KINDS.includes(task.task_type) ? (task.task_type as ScanTaskType) : null),
  state: (task) => state(task.task_status),
  progressPercent: (task) => (task.task_status >= 0 && task.task_status <= 100 ? task.task_status : null),
  startedAt: (task) => timeOrNull(task.begin_time),
  finishedAt: (task) => timeOrNull(task.end_time),
  remainingMinutes: (task) => (state(task.task_status) === ScanTaskState.Running ? task.remain_min : null),
  scope: (task) => Object.values(SCAN_SCOPE_BITS).filter((bits) => (task.scan_scope & bits) === bits),
  imagesPerHour: (task) => task.rate_limit || null,
  all: (task) => task.is_all,
  totalCount: (task) => task.total_num,
  succeededCount: (task) => task.success_num,
  failedCount: (task) => task.failed_num,
  riskyCount: (task) => task.risky_num,
  failureReason: (task) => task.failed_reason || null,
  failedImages: (task) => task.failed_images,
};

export const ScanTaskFailedImage: ScanTaskFailedImageResolvers = {
  namespace: (image) => image.namespace,
  name: (image) => image.image_name,
  tag: (image) => image.image_version,
  registryType: (image) => image.registry_type || null,
  reason: (image) => image.failed_reason,
};
