/**
 * The measured operations: the reference documents from `operations/`, their variables, a validator per
 * operation (a fast wrong answer does not count), and the minimum upstream calls the APIs allow.
 *
 * Minimum calls (cold) are derived from docs/huawei-cloud-apis.md, per answer actually returned:
 * - no HSS API returns files statistics or per-image software for several images, so those cost one call
 *   per image shown;
 * - ListRegistryImages filters on namespace + image_name (+ image_version) and returns up to 200 rows, so
 *   "which images are these" costs one call per distinct repository (all its tags in one page);
 * - SWR ListSharedReposDetails returns a whole share center in ceil(total / 100) pages, or one repository
 *   by a namespace + name filter: the cheaper of the two;
 * - the IAM token is not counted (cold only, once per process; reported apart).
 * Warm minimum is 0 for every operation: what HSS answers about one image is a function of the image and
 * its scan state, so per-image results are cached long under that key whatever the state, and lists are
 * kept fresh briefly; an identical repeat within the list TTL needs no upstream call.
 * Critical-path levels are the dependent upstream round trips; cold adds one for the IAM token.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UpstreamFacts } from './simulatorControl';
import { catalogueCost } from './vulnerabilityCatalogueCost';

export interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** The image ImageDetail opens: taken from each server's own ImageDashboard answer (ids are opaque). */
export interface DetailTarget {
  id: string;
  namespace: string;
  name: string;
  tag: string;
}

export interface Minimum {
  calls: number;
  warmCalls: number;
  /** Dependent upstream levels of a cached-nothing execution (IAM excluded). */
  levels: number;
  why: string;
}

export interface OperationSpec {
  key: string;
  operationName: string;
  /** File under operations/. */
  file: string;
  variables(detail: DetailTarget | undefined): Record<string, unknown>;
  /** Problems with the answer; empty when it is right. */
  validate(data: Record<string, unknown>, detail: DetailTarget | undefined): string[];
  minimum(data: Record<string, unknown>, facts: UpstreamFacts): Minimum;
}

const OPERATIONS_DIR = join(__dirname, '..', 'operations');

export function documentOf(spec: OperationSpec): string {
  return readFileSync(join(OPERATIONS_DIR, spec.file), 'utf8');
}

// ---- small helpers for walking untyped JSON answers -------------------------------------------------

type Json = Record<string, unknown>;
const obj = (value: unknown): Json | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const num = (value: unknown): number => (typeof value === 'number' ? value : NaN);

/** Checks a connection: `nodes` is an array of exactly min(first, totalCount) and pageInfo agrees. */
function checkConnection(problems: string[], label: string, connection: unknown, first: number): Json[] {
  const c = obj(connection);
  if (!c) {
    problems.push(`${label}: connection is null`);
    return [];
  }
  const items = Array.isArray(c.nodes) ? c.nodes : arr(c.edges).map((edge) => obj(edge)?.node);
  const total = num(c.totalCount);
  if (!Number.isInteger(total) || total < 0) problems.push(`${label}: totalCount ${String(c.totalCount)}`);
  const expected = Math.min(first, total);
  if (items.length !== expected)
    problems.push(`${label}: ${items.length} items, expected ${expected} (total ${total})`);
  const pageInfo = obj(c.pageInfo);
  if (
    pageInfo &&
    typeof pageInfo.hasNextPage === 'boolean' &&
    pageInfo.hasNextPage !== total > items.length
  ) {
    problems.push(`${label}: hasNextPage ${String(pageInfo.hasNextPage)} with ${items.length} of ${total}`);
  }
  const nodes = items.map(obj);
  if (nodes.some((node) => !node)) problems.push(`${label}: a null item`);
  return nodes.filter((node): node is Json => node !== undefined);
}

function nonEmptyString(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0;
}

/** Never scanned yet (or the first scan still pending): HSS has no statistics or software for it. */
function neverScanned(image: Json): boolean {
  const scan = obj(image.scan);
  if (!scan) return false;
  if ('lastScannedAt' in scan) return scan.lastScannedAt === null;
  return ['UNSCANNED', 'SCANNING', 'WAITING_FOR_SCAN'].includes(String(scan.status));
}

/**
 * Statistics must be there, except for a never-scanned image, where HSS answers placeholder zeros and
 * "unknown" (null, no call) is a right answer too.
 */
function checkFileStatistics(problems: string[], label: string, image: Json): void {
  const value = image.fileStatistics;
  const stats = obj(value);
  if (!stats && value === null && neverScanned(image)) return;
  if (!stats) problems.push(`${label}.fileStatistics is null`);
  else if (!(num(stats.fileCount) >= 0) || ('totalSizeBytes' in stats && !(num(stats.totalSizeBytes) >= 0))) {
    problems.push(`${label}.fileStatistics has bad numbers`);
  }
}

/** One SWR repository lookup per distinct repository, or the whole share center: the cheaper. */
function swrCost(distinctRepos: number, centerTotal: number): number {
  return distinctRepos === 0 ? 0 : Math.min(distinctRepos, Math.max(1, Math.ceil(centerTotal / 100)));
}

// ---- the operations -----------------------------------------------------------------------------------

function dashboard(first: number): OperationSpec {
  return {
    key: `ImageDashboard(${first})`,
    operationName: 'ImageDashboard',
    file: 'ImageDashboard.graphql',
    variables: () => ({ first, filter: { type: 'PRIVATE' } }),
    validate(data) {
      const problems: string[] = [];
      const nodes = checkConnection(problems, 'containerImages', data.containerImages, first);
      if (nodes.length === 0) problems.push('containerImages: empty page (dataset too small?)');
      nodes.forEach((node, i) => {
        const label = `nodes[${i}]`;
        if (!nonEmptyString(node.id) || !nonEmptyString(node.imageId))
          problems.push(`${label}: missing id/imageId`);
        if (node.type !== 'PRIVATE') problems.push(`${label}.type ${String(node.type)}, filter was PRIVATE`);
        for (const field of ['namespace', 'name', 'tag']) {
          if (!nonEmptyString(node[field])) problems.push(`${label}.${field} empty`);
        }
        if (!obj(node.scan) || typeof obj(node.scan)?.status !== 'string')
          problems.push(`${label}.scan missing`);
        checkFileStatistics(problems, label, node);
        checkConnection(problems, `${label}.apps`, node.apps, 5);
        const shared = obj(node.sharedRepository);
        if (shared && shared.name !== node.name) {
          problems.push(
            `${label}.sharedRepository.name ${String(shared.name)} ≠ image name ${String(node.name)}`,
          );
        }
      });
      return problems;
    },
    minimum(data, facts) {
      const nodes = arr(obj(data.containerImages)?.nodes).map((node) => obj(node) ?? {});
      const repos = new Set(nodes.map((node) => `${String(node.namespace)}/${String(node.name)}`));
      const swr = swrCost(repos.size, facts.swrSelfTotal);
      // HSS holds neither statistics nor software for a never-scanned image: no call is needed for it.
      const scanned = nodes.filter((node) => !neverScanned(node)).length;
      return {
        calls: 1 + 2 * scanned + swr,
        warmCalls: 0,
        levels: 2,
        why:
          `1 HSS list + ${scanned} files-statistics + ${scanned} per-image apps for the ${scanned} of ` +
          `${nodes.length} images ever scanned (no batch APIs) + ` +
          `${swr} SWR (self center: min(${repos.size} repos, ${Math.ceil(facts.swrSelfTotal / 100)} pages)); ` +
          'warm: 0 (every scan state cached under its key); levels: list → joins',
      };
    },
  };
}

const imageDetail: OperationSpec = {
  key: 'ImageDetail',
  operationName: 'ImageDetail',
  file: 'ImageDetail.graphql',
  variables: (detail) => ({ id: detail?.id ?? 'missing', appsFirst: 50 }),
  validate(data, detail) {
    const problems: string[] = [];
    const image = obj(data.containerImage);
    if (!image) return ['containerImage is null'];
    if (detail && image.reference !== `${detail.namespace}/${detail.name}:${detail.tag}`) {
      problems.push(
        `reference ${String(image.reference)}, expected ${detail.namespace}/${detail.name}:${detail.tag}`,
      );
    }
    if (!nonEmptyString(image.imageId)) problems.push('imageId empty');
    if (!obj(image.scan)) problems.push('scan missing');
    checkFileStatistics(problems, 'containerImage', image);
    checkConnection(problems, 'apps', image.apps, 50);
    const shared = obj(image.sharedRepository);
    if (shared && detail && (shared.name !== detail.name || shared.namespace !== detail.namespace)) {
      problems.push(`sharedRepository ${String(shared.namespace)}/${String(shared.name)} is not the image's`);
    }
    if (shared && !Array.isArray(shared.tags)) problems.push('sharedRepository.tags not a list');
    return problems;
  },
  minimum(data) {
    const image = obj(data.containerImage);
    const joins = image && neverScanned(image) ? 0 : 2; // statistics + software exist only after a scan
    const swr = image && ['PRIVATE', 'SHARED'].includes(String(image.type)) ? 1 : 0;
    return {
      calls: 1 + joins + swr,
      warmCalls: 0,
      levels: 2,
      why:
        `1 HSS list (namespace+name+tag from the id) + ${joins} (files-statistics, apps; none if never ` +
        `scanned) + ${swr} SWR (filtered by namespace+name; none for other registries); ` +
        'warm: 0; levels: list → joins',
    };
  },
};

const softwareSearch: OperationSpec = {
  key: 'SoftwareSearch',
  operationName: 'SoftwareSearch',
  file: 'SoftwareSearch.graphql',
  variables: () => ({ filter: { name: 'openssl' }, first: 50 }),
  validate(data) {
    const problems: string[] = [];
    const nodes = checkConnection(problems, 'imageSoftware', data.imageSoftware, 50);
    if (nodes.length === 0) problems.push('imageSoftware: no openssl found (dataset?)');
    nodes.forEach((node, i) => {
      if (typeof node.name !== 'string' || !node.name.toLowerCase().includes('openssl')) {
        problems.push(`nodes[${i}].name ${String(node.name)} does not match "openssl"`);
      }
      const image = obj(node.image);
      if (!image) problems.push(`nodes[${i}].image is null`);
      else if (!nonEmptyString(image.reference) || !obj(image.scan))
        problems.push(`nodes[${i}].image incomplete`);
    });
    return problems;
  },
  minimum(data) {
    const nodes = arr(obj(data.imageSoftware)?.nodes).map((node) => obj(node) ?? {});
    const references = nodes.map((node) => String(obj(node.image)?.reference ?? ''));
    const repos = new Set(references.map((reference) => reference.replace(/:[^:/]*$/, '')));
    const images = new Set(references);
    return {
      calls: 1 + repos.size,
      warmCalls: 0,
      levels: 2,
      why:
        `1 global apps list + ${repos.size} HSS lists, one per distinct repository (namespace+image_name, ` +
        `≤200 tags per page) for ${images.size} distinct images; levels: apps → images`,
    };
  },
};

const sharedRepositories: OperationSpec = {
  key: 'SharedRepositories',
  operationName: 'SharedRepositories',
  file: 'SharedRepositories.graphql',
  variables: () => ({ center: 'THIRDPARTY', first: 20 }),
  validate(data) {
    const problems: string[] = [];
    const nodes = checkConnection(problems, 'sharedRepositories', data.sharedRepositories, 20);
    if (nodes.length === 0) problems.push('sharedRepositories: empty (dataset?)');
    nodes.forEach((node, i) => {
      const label = `nodes[${i}]`;
      if (!nonEmptyString(node.name) || !nonEmptyString(node.namespace))
        problems.push(`${label}: name/namespace`);
      if (typeof node.shareValid !== 'boolean')
        problems.push(`${label}.shareValid not boolean for THIRDPARTY`);
      const tags = arr(node.tags);
      const images = checkConnection(problems, `${label}.images`, node.images, 10);
      const total = num(obj(node.images)?.totalCount);
      if (total > tags.length) problems.push(`${label}.images.totalCount ${total} > ${tags.length} tags`);
      images.forEach((image, j) => {
        if (!tags.includes(image.tag))
          problems.push(`${label}.images[${j}].tag ${String(image.tag)} not in tags`);
        checkFileStatistics(problems, `${label}.images[${j}]`, image);
      });
    });
    return problems;
  },
  minimum(data) {
    const nodes = arr(obj(data.sharedRepositories)?.nodes).map((node) => obj(node) ?? {});
    const shown = nodes.flatMap((node) => arr(obj(node.images)?.nodes).map((image) => obj(image) ?? {}));
    // Where the operation does not select lastScannedAt, an image is taken as never scanned (no call
    // needed) only when the answer says "unknown" (null) and its status agrees; validation checks the rest.
    const imagesShown = shown.filter(
      (image) => !(image.fileStatistics === null && neverScanned(image)),
    ).length;
    const pages = nodes.reduce((sum, node) => sum + Math.max(1, Math.ceil(arr(node.tags).length / 200)), 0);
    return {
      calls: 1 + pages + imagesShown,
      warmCalls: 0,
      levels: 3,
      why:
        `1 SWR list + ${pages} HSS lists (one per repository, namespace+image_name, ≤200 tags) + ` +
        `${imagesShown} files-statistics; warm: 0; levels: repositories → images → statistics`,
    };
  },
};

const productImages: OperationSpec = {
  key: 'ProductImages',
  operationName: 'ProductImages',
  file: 'ProductImages.graphql',
  variables: () => ({ filter: { type: 'GOLD', osType: 'Linux' }, first: 20 }),
  validate(data) {
    const problems: string[] = [];
    const nodes = checkConnection(problems, 'productImages', data.productImages, 20);
    if (nodes.length === 0) problems.push('productImages: empty (dataset?)');
    nodes.forEach((node, i) => {
      if (node.type !== 'GOLD' || node.osType !== 'Linux') {
        problems.push(`nodes[${i}] is ${String(node.type)}/${String(node.osType)}, filter was GOLD/Linux`);
      }
      if (!nonEmptyString(node.imageId) || !nonEmptyString(node.name))
        problems.push(`nodes[${i}]: imageId/name`);
    });
    return problems;
  },
  minimum: () => ({ calls: 1, warmCalls: 0, levels: 1, why: '1 Workspace list (limit 20)' }),
};

/**
 * The console's "what is vulnerable in this image" view, of the image ImageDetail opens. HSS lists an
 * image's vulnerabilities only per image (all software at once, 200 a page), its baseline checks per
 * image, and the failed rules per check; nothing exists before a first scan. Their CVEs and scores are
 * only in the vulnerability-centric list, found as vulnerabilityCatalogueCost.ts says.
 */
const imageVulnerabilities: OperationSpec = {
  key: 'ImageVulnerabilities',
  operationName: 'ImageVulnerabilities',
  file: 'ImageVulnerabilities.graphql',
  variables: (detail) => ({ id: detail?.id ?? 'missing', appsFirst: 50 }),
  validate(data, detail) {
    const problems: string[] = [];
    const image = obj(data.containerImage);
    if (!image) return ['containerImage is null'];
    if (detail && image.reference !== `${detail.namespace}/${detail.name}:${detail.tag}`) {
      problems.push(`reference ${String(image.reference)} is not the image asked for`);
    }
    checkConnection(problems, 'apps', image.apps, 50).forEach((app, i) => {
      const rows = app.vulnerabilities;
      if (!Array.isArray(rows)) problems.push(`apps[${i}].vulnerabilities is not a list`);
      // Vendored copies of one name and version share their rows, so a list may hold more than the count.
      else if (
        num(app.vulnerabilityCount) === 0 ? rows.length !== 0 : rows.length < num(app.vulnerabilityCount)
      ) {
        problems.push(
          `apps[${i}]: ${rows.length} vulnerabilities for a count of ${String(app.vulnerabilityCount)}`,
        );
      }
    });
    const checks = image.baselineChecks;
    if (!Array.isArray(checks)) problems.push('baselineChecks is not a list');
    else
      checks.map(obj).forEach((check, i) => {
        const rules = check?.failedRules;
        if (!Array.isArray(rules) || rules.length !== num(check?.failedRuleCount)) {
          problems.push(`baselineChecks[${i}]: failedRules do not match failedRuleCount`);
        }
      });
    return problems;
  },
  minimum(data, facts) {
    const image = obj(data.containerImage);
    if (!image || neverScanned(image)) {
      return {
        calls: 1,
        warmCalls: 0,
        levels: 1,
        why: '1 HSS list (the id); nothing else exists before a scan',
      };
    }
    const apps = arr(obj(image.apps)?.nodes).map((node) => obj(node) ?? {});
    const vulnerable = apps.some((app) => num(app.vulnerabilityCount) > 0);
    const vulnerabilityPages = vulnerable
      ? Math.max(1, Math.ceil(num(obj(image.scan)?.vulnerabilityCount) / 200))
      : 0;
    const failedChecks = arr(image.baselineChecks).filter(
      (check) => num(obj(check)?.failedRuleCount) > 0,
    ).length;
    // HSS gives `app_path` for application vulnerabilities only: that tells each row's list.
    const idsOf = (type: 'linux_vul' | 'app_vul') =>
      new Set(
        apps
          .flatMap((app) => arr(app.vulnerabilities).map((row) => obj(row) ?? {}))
          .filter((row) => (typeof row.softwarePath === 'string') === (type === 'app_vul'))
          .map((row) => String(row.id)),
      );
    const linux = catalogueCost(idsOf('linux_vul'), facts.vulnerabilityCatalogue.linux_vul);
    const application = catalogueCost(idsOf('app_vul'), facts.vulnerabilityCatalogue.app_vul);
    return {
      calls: 1 + 1 + vulnerabilityPages + 1 + failedChecks + linux.calls + application.calls,
      warmCalls: 0,
      levels: (vulnerabilityPages > 1 ? 4 : 3) + Math.max(linux.levels, application.levels),
      why:
        `1 HSS list (the id) + 1 software list + ${vulnerabilityPages} vulnerability page(s) of 200 for ` +
        `all the software at once (none if no shown item has any) + 1 baseline-check list + ${failedChecks} ` +
        `failed-rule lists (checks with failures only) + ${linux.calls} + ${application.calls} calls of the ` +
        'vulnerability-centric list (Linux, application) for CVEs and scores, read in pages of 200 only as ' +
        'far as the shown ids; levels: list → software, checks → vulnerabilities, rules → those pages in turn',
    };
  },
};

const cicdPipeline: OperationSpec = {
  key: 'CicdPipeline',
  operationName: 'CicdPipeline',
  file: 'CicdPipeline.graphql',
  variables: () => ({ filter: { pipelineType: 'JENKINS' }, first: 20 }),
  validate(data) {
    const problems: string[] = [];
    const nodes = checkConnection(problems, 'cicdImages', data.cicdImages, 20);
    if (nodes.length === 0) problems.push('cicdImages: empty page (dataset too small?)');
    nodes.forEach((node, i) => {
      const label = `nodes[${i}]`;
      if (!nonEmptyString(node.imageId) || !nonEmptyString(node.reference))
        problems.push(`${label}: missing imageId/reference`);
      if (node.pipelineType !== 'JENKINS')
        problems.push(`${label}.pipelineType ${String(node.pipelineType)}, filter was JENKINS`);
      if (!obj(node.scan) || typeof obj(node.scan)?.status !== 'string')
        problems.push(`${label}.scan missing`);
      checkFileStatistics(problems, label, node);
      checkConnection(problems, `${label}.apps`, node.apps, 5);
    });
    return problems;
  },
  minimum(data) {
    const nodes = arr(obj(data.cicdImages)?.nodes).map((node) => obj(node) ?? {});
    const scanned = nodes.filter((node) => !neverScanned(node)).length;
    return {
      calls: 1 + 2 * scanned,
      warmCalls: 0,
      levels: 2,
      why:
        `1 ListCicdImages + ${scanned} files-statistics (image_type=cicd, by id) + ${scanned} per-image apps ` +
        `for the ${scanned} of ${nodes.length} images ever scanned (no batch APIs); ` +
        'warm: 0 (every scan state cached under its key); levels: list → joins',
    };
  },
};

export const OPERATIONS: readonly OperationSpec[] = [
  dashboard(20),
  dashboard(100),
  imageDetail,
  softwareSearch,
  sharedRepositories,
  productImages,
  imageVulnerabilities,
  cicdPipeline,
];

/** The answer's problems: HTTP status, `errors`, missing data, then the operation's own checks. */
export function validateResponse(
  spec: OperationSpec,
  status: number,
  body: string,
  detail: DetailTarget | undefined,
): { problems: string[]; data?: Record<string, unknown> } {
  if (status !== 200) return { problems: [`HTTP ${status}: ${body.slice(0, 200)}`] };
  let parsed: GraphQLResponse;
  try {
    parsed = JSON.parse(body) as GraphQLResponse;
  } catch {
    return { problems: [`not JSON: ${body.slice(0, 200)}`] };
  }
  const problems: string[] = [];
  for (const error of parsed.errors ?? []) {
    problems.push(`error ${String(error.extensions?.code ?? '')}: ${error.message}`);
  }
  const data = obj(parsed.data);
  if (!data) return { problems: [...problems, 'no data'] };
  return { problems: [...problems, ...spec.validate(data, detail)], data };
}

/** Picks the dashboard row ImageDetail opens: the first with software and a shared repository, else the first. */
export function pickDetailTarget(dashboardData: Record<string, unknown>): DetailTarget | undefined {
  const nodes = arr(obj(dashboardData.containerImages)?.nodes).map((node) => obj(node) ?? {});
  const best =
    nodes.find((node) => obj(node.sharedRepository) && num(obj(node.apps)?.totalCount) > 0) ??
    nodes.find((node) => num(obj(node.apps)?.totalCount) > 0) ??
    nodes[0];
  if (!best || typeof best.id !== 'string') return undefined;
  return { id: best.id, namespace: String(best.namespace), name: String(best.name), tag: String(best.tag) };
}

/**
 * The answer without what may legitimately differ between two servers (opaque ids and cursors, a
 * never-scanned image's statistics, '' vs null), with times normalized, so the gateway and the baseline
 * can be compared value for value.
 */
export function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Json)) {
      if (key === 'id' || key === 'cursor' || key === 'endCursor' || key === 'startCursor') continue;
      // A never-scanned image's statistics: HSS's placeholder zeros or "unknown" (null) are both right.
      if (key === 'fileStatistics' && neverScanned(value as Json)) continue;
      out[key] = comparable(item);
    }
    return out;
  }
  // An empty optional string and null say the same.
  if (value === '') return null;
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(value)) {
    return new Date(value).toISOString();
  }
  return value;
}

/** First path where two comparable answers differ, or undefined. */
export function firstDifference(a: unknown, b: unknown, path = 'data'): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    return `${path}: ${JSON.stringify(a)?.slice(0, 80)} ≠ ${JSON.stringify(b)?.slice(0, 80)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) {
    return `${path}: ${a.length} items ≠ ${b.length}`;
  }
  const keys = new Set([...Object.keys(a as Json), ...Object.keys(b as Json)]);
  for (const key of keys) {
    const found = firstDifference((a as Json)[key], (b as Json)[key], `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
}
