/**
 * Vulnerabilities and baseline checks: `ContainerImage.vulnerabilities` / `.baselineChecks`,
 * `ImageApp.vulnerabilities`, `Query.vulnerabilities` and the types under them. Filters are validated
 * here (a bad one would cost an HSS call that answers 400); enum fields map values HSS may add later to
 * null rather than fail the response.
 */
import type {
  AffectedImageResolvers,
  AffectedSoftwareLocationResolvers,
  AffectedSoftwareResolvers,
  BaselineCheckResolvers,
  BaselineRuleResolvers,
  ContainerImageResolvers,
  CveResolvers,
  ImageAppResolvers,
  ImageVulnerabilityFilter,
  ImageVulnerabilityResolvers,
  QueryResolvers,
  VulnerabilityFilter,
  VulnerabilityResolvers,
} from '../generated/graphql';
import type { GatewayContext } from '../graphql/context';
import { userInputError } from '../graphql/errors';
import { decodeIdOf } from '../graphql/ids';
import { validImageRef } from '../graphql/imageRef';
import { containerImageModel, type ImageAppModel } from '../graphql/models';
import { HSS_VULNERABILITY_LIMITS, pageOf, pageRequest } from '../graphql/pagination';
import type { CveModel, VulnerabilityModel } from '../graphql/vulnerabilityModels';
import type { ImageVulnerabilityFilterQuery } from '../loaders/vulnerabilityLoaders';
import type { HssRegistryKind } from '../upstream/hss/types';
import {
  HSS_CVE_ID_MAX_LENGTH,
  HSS_VUL_ID_MAX_LENGTH,
  HSS_VUL_NAME_MAX_LENGTH,
  HSS_VULNERABILITY_RANGE,
  vulTypeOfImageVulnerability,
} from '../upstream/facts';
import {
  HSS_BASELINE_RESULT_TYPES,
  HSS_BASELINE_STANDARDS,
  HSS_REPAIR_NECESSITIES,
  HSS_VUL_SEVERITIES,
  HSS_VUL_STATUSES,
  HSS_VUL_TYPES,
  type HssBaselineSeverity,
  type HssGeneralImageVul,
  type HssImageVulnerability,
  type ListGeneralImageVulsQuery,
} from '../upstream/hss/vulnerabilityTypes';
import { IMAGE_TYPE_OF_KIND, imageOfGlobalApp } from './imageApp';
import { timeOrNull } from './scalars';

const MAX_VUL_ID = HSS_VUL_ID_MAX_LENGTH;
const MAX_CVE_ID = HSS_CVE_ID_MAX_LENGTH;
const MAX_VUL_NAME = HSS_VUL_NAME_MAX_LENGTH;
const MAX_SOFTWARE_NAME = 128;
const BASELINE_SEVERITIES: readonly HssBaselineSeverity[] = ['Security', 'Low', 'Medium', 'High', 'Critical'];

/** A wire value as the enum's internal value, or null for one this gateway does not know (yet). */
function known<T extends string>(values: readonly T[], value: string): T | null {
  return (values as readonly string[]).includes(value) ? (value as T) : null;
}

function checkLength(argument: string, value: string | null | undefined, max: number): string | undefined {
  if (value == null || value === '') return undefined;
  if (value.length > max) throw userInputError(`${argument} must be at most ${max} characters.`);
  return value;
}

export function imageVulnerabilityQuery(
  filter: ImageVulnerabilityFilter | null | undefined,
): ImageVulnerabilityFilterQuery {
  const query: ImageVulnerabilityFilterQuery = {};
  if (!filter) return query;
  if (filter.repairNecessity != null) query.repair_necessity = filter.repairNecessity;
  const vulId = checkLength('filter.id', filter.id, MAX_VUL_ID);
  if (vulId !== undefined) query.vul_id = vulId;
  const appName = checkLength('filter.softwareName', filter.softwareName, MAX_SOFTWARE_NAME);
  if (appName !== undefined) query.app_name = appName;
  if (filter.type != null) query.type = filter.type;
  if (filter.handleStatus != null) query.handle_status = filter.handleStatus;
  return query;
}

export function generalVulnerabilityQuery(
  filter: VulnerabilityFilter,
): Omit<ListGeneralImageVulsQuery, 'offset' | 'limit'> {
  const query: Omit<ListGeneralImageVulsQuery, 'offset' | 'limit'> = {
    type: filter.type,
    handle_status: filter.handleStatus ?? 'unhandled',
    image_type: filter.imageScope ?? 'registry',
  };
  if (filter.severity != null) query.severity_level = filter.severity;
  const vulId = checkLength('filter.id', filter.id, MAX_VUL_ID);
  if (vulId !== undefined) query.vul_id = vulId;
  const name = checkLength('filter.name', filter.name, MAX_VUL_NAME);
  if (name !== undefined) query.vul_name = name;
  const cveId = checkLength('filter.cveId', filter.cveId, MAX_CVE_ID);
  if (cveId !== undefined) query.cve_id = cveId;
  if (filter.status != null) query.status = filter.status;
  return query;
}

/** Does a row of the image's list belong to this software item? Name and version, and path when both have one. */
function belongsTo(row: HssImageVulnerability, model: ImageAppModel): boolean {
  const { app } = model;
  if (row.app_name !== app.app_name || row.version !== (app.app_version ?? '')) return false;
  const path = model.source === 'global' ? model.app.app_path : undefined;
  return !path || !row.app_path || row.app_path === path;
}

export const containerImageVulnerabilityFields: Pick<
  ContainerImageResolvers,
  'vulnerabilities' | 'baselineChecks'
> = {
  async vulnerabilities({ record }, { filter, first, after }, { loaders }) {
    const query = imageVulnerabilityQuery(filter);
    const request = pageRequest(first, after, HSS_VULNERABILITY_LIMITS);
    const page = await loaders.vulnerabilities.imageVulnerabilitiesPage.load({
      image: record,
      offset: request.offset,
      limit: request.limit,
      filter: query,
    });
    return pageOf(request, page.data_list, page.total_num);
  },

  async baselineChecks({ record }, { standard }, { loaders }) {
    const checks = await loaders.vulnerabilities.baselineChecks.load({
      image: record,
      ...(standard != null && { standard }),
    });
    return checks.map((check) => ({ record: check, image: record }));
  },
};

export const imageAppVulnerabilityFields: Pick<ImageAppResolvers, 'vulnerabilities'> = {
  async vulnerabilities(model, _args, context) {
    // Software HSS counted no vulnerabilities in costs nothing.
    if (model.app.vul_num === 0) return [];
    // ListImageVulnerabilities serves registry images; CI/CD and node-local software has no such list.
    const registryRow =
      model.source === 'global' && model.imageKind !== 'cicd' && model.imageKind !== 'local';
    const image =
      model.source === 'image'
        ? model.image
        : registryRow
          ? await imageOfGlobalApp(model.app, context)
          : null;
    if (!image || image.kind !== 'ContainerImage') return null;
    const rows = await context.loaders.vulnerabilities.allImageVulnerabilities.load(image.record);
    return rows.filter((row) => belongsTo(row, model));
  },
};

export const vulnerabilityQueries: Pick<QueryResolvers, 'vulnerabilities'> = {
  async vulnerabilities(_root, { filter, first, after }, { loaders }) {
    const query = generalVulnerabilityQuery(filter);
    const request = pageRequest(first, after, HSS_VULNERABILITY_LIMITS);
    const page = await loaders.vulnerabilities.generalVulnerabilitiesPage.load({
      ...query,
      offset: request.offset,
      limit: request.limit,
    });
    const models = page.data_list.map((record: HssGeneralImageVul): VulnerabilityModel => ({
      record,
      type: query.type,
      handleStatus: query.handle_status,
      imageScope: query.image_type,
    }));
    return pageOf(request, models, page.total_num);
  },
};

/** Highest CVSS score of an entry; HSS's 0 means none when the entry lists no CVE. */
function maxCvssScoreOf(record: HssGeneralImageVul): number | null {
  return record.cve_list.length > 0 || record.max_cvss_score > 0 ? record.max_cvss_score : null;
}

/** An entry's CVEs: inline (`cve_list`, no call), else HSS ListVulnerabilityCve (one call). */
async function cvesOf(record: HssGeneralImageVul, loaders: GatewayContext['loaders']): Promise<CveModel[]> {
  if (record.cve_list.length > 0) {
    return record.cve_list.map((cve): CveModel => ({
      id: cve.cve_id,
      cvssScore: cve.cvss,
      publishTime: null,
      description: null,
    }));
  }
  const cves = await loaders.vulnerabilities.cves.load(record.vul_id);
  return cves.map((cve): CveModel => ({
    id: cve.cve_id,
    cvssScore: cve.cvss_score,
    publishTime: cve.publish_time,
    description: cve.description || null,
  }));
}

/** The vulnerability-centric entry of an image's vulnerability; null when HSS's list does not hold it. */
function catalogEntryOf(row: HssImageVulnerability, { loaders }: GatewayContext) {
  return loaders.vulnerabilities.catalogEntry.load({
    vulId: row.vul_id,
    type: vulTypeOfImageVulnerability(row),
  });
}

export const ImageVulnerability: ImageVulnerabilityResolvers = {
  id: (row) => row.vul_id,
  repairNecessity: (row) => known(HSS_REPAIR_NECESSITIES, row.repair_necessity),
  description: (row) => row.description || null,
  layerDigest: (row) => row.position || null,
  softwareName: (row) => row.app_name || null,
  softwarePath: (row) => row.app_path || null,
  softwareVersion: (row) => row.version || null,
  solution: (row) => row.solution || null,
  url: (row) => row.url || null,
  async cves(row, _args, context) {
    const entry = await catalogEntryOf(row, context);
    return entry && cvesOf(entry, context.loaders);
  },
  async severity(row, _args, context) {
    const entry = await catalogEntryOf(row, context);
    return entry && known(HSS_VUL_SEVERITIES, entry.severity_level);
  },
  async maxCvssScore(row, _args, context) {
    const entry = await catalogEntryOf(row, context);
    return entry && maxCvssScoreOf(entry);
  },
};

export const Vulnerability: VulnerabilityResolvers = {
  id: ({ record }) => record.vul_id,
  name: ({ record }) => record.vul_name || null,
  type: ({ record }) => known(HSS_VUL_TYPES, record.type),
  severity: ({ record }) => known(HSS_VUL_SEVERITIES, record.severity_level),
  maxCvssScore: ({ record }) => maxCvssScoreOf(record),
  affectedImageCount: ({ record }) => record.image_num,
  lastScannedAt: ({ record }) => timeOrNull(record.scan_time),
  description: ({ record }) => record.description || null,
  solution: ({ record }) => record.solution_detail || null,
  url: ({ record }) => record.url || null,
  labels: ({ record }) => record.label_list,

  cves: ({ record }, _args, { loaders }) => cvesOf(record, loaders),

  async affectedImages(model, { first, after }, { loaders }) {
    const request = pageRequest(first, after, HSS_VULNERABILITY_LIMITS);
    const page = await loaders.vulnerabilities.affectedImagesPage.load({
      is_handled: model.handleStatus === 'handled',
      vul_id: model.record.vul_id,
      type: known(HSS_VUL_TYPES, model.record.type) ?? model.type,
      image_type: model.imageScope,
      offset: request.offset,
      limit: request.limit,
    });
    return pageOf(request, page.data_list, page.total_num);
  },

  async affectedSoftware(model, { image }, { loaders }) {
    const { imageId } = decodeIdOf(image, 'ContainerImage');
    const page = await loaders.vulnerabilities.affectedSoftware.load({
      imageId,
      is_handled: model.handleStatus === 'handled',
      image_type: model.imageScope,
      vul_id: model.record.vul_id,
      limit: HSS_VULNERABILITY_RANGE.maxLimit,
    });
    return page.data_list;
  },
};

export const Cve: CveResolvers = {
  id: (cve) => cve.id,
  cvssScore: (cve) => cve.cvssScore,
  publishedAt: (cve) => (cve.publishTime === null ? null : timeOrNull(cve.publishTime)),
  description: (cve) => cve.description,
};

/** Times this API sends as strings of epoch milliseconds. */
function epochText(value: string): number | null {
  return /^\d{1,16}$/.test(value) ? (timeOrNull(Number(value)) as number | null) : null;
}

export const AffectedImage: AffectedImageResolvers = {
  async image(row, _args, { loaders }) {
    const type = IMAGE_TYPE_OF_KIND[row.registry_type as HssRegistryKind];
    const ref = validImageRef(type, row.organization, row.image_name, row.image_version);
    if (!ref) return null;
    const record = await loaders.imageByRef.load(ref);
    return record && record.image_id === row.image_id ? containerImageModel(record) : null;
  },
  imageId: (row) => row.image_id,
  namespace: (row) => row.organization || null,
  name: (row) => row.image_name || null,
  tag: (row) => row.image_version || null,
  severity: (row) => known(HSS_VUL_SEVERITIES, row.repair_necessity),
  containerCount: (row) => row.container_num,
  firstScannedAt: (row) => epochText(row.first_scan_time),
  lastScannedAt: (row) => epochText(row.latest_scan_time),
};

export const AffectedSoftware: AffectedSoftwareResolvers = {
  name: (app) => app.app_name,
  rule: (app) => app.rule || null,
  locations: (app) => app.paths,
};

export const AffectedSoftwareLocation: AffectedSoftwareLocationResolvers = {
  version: (path) => path.app_version || null,
  path: (path) => path.app_path || null,
  status: (path) => known(HSS_VUL_STATUSES, path.status),
};

export const BaselineCheck: BaselineCheckResolvers = {
  name: ({ record }) => record.check_name,
  type: ({ record }) => record.check_type || null,
  description: ({ record }) => record.check_type_desc || null,
  standard: ({ record }) => known(HSS_BASELINE_STANDARDS, record.standard),
  severity: ({ record }) => known(BASELINE_SEVERITIES, record.severity),
  ruleCount: ({ record }) => record.check_rule_num,
  failedRuleCount: ({ record }) => record.failed_rule_num,
  failedRules: ({ record, image }, _args, { loaders }) =>
    loaders.vulnerabilities.failedRules.load({ image, check: record }),
};

export const BaselineRule: BaselineRuleResolvers = {
  id: (rule) => rule.check_rule_id || null,
  name: (rule) => rule.check_rule_name,
  severity: (rule) => known(BASELINE_SEVERITIES, rule.severity),
  result: (rule) => known(HSS_BASELINE_RESULT_TYPES, rule.scan_result),
};
