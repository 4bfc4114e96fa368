/**
 * The HSS image-vulnerability APIs (docs/huawei-cloud-apis.md §G3), over the rows of data/imageVulnerabilities.ts:
 * - ListImageVulnerabilities `GET /v5/{project_id}/image/{image_id}/vulnerabilities`: image_type,
 *   namespace (≤ 64), image_name (≤ 128) and tag_name (≤ 64) required and must name the image (else
 *   HSS.0011); filters repair_necessity, vul_id (fuzzy), app_name (fuzzy), type, handle_status.
 * - ListGeneralImageVuls `GET /v5/{project_id}/images/vulnerabilities`: type, handle_status and image_type
 *   required; filters severity_level, vul_id/vul_name (fuzzy), cve_id (≤ 256, exact), label_list (≤ 10),
 *   status, cluster_id.
 * - ListVulnerabilityCve `GET /v5/{project_id}/image/vulnerability/{vul_id}/cve` (unknown id: HSS.0011).
 * - ListVulAffectImages `GET /v5/{project_id}/vulnerability/images`: is_handled, vul_id, type, image_type
 *   required.
 * - ListVulAffectImageApps `GET /v5/{project_id}/image/vulnerability/{image_id}/apps`: is_handled,
 *   image_type, vul_id required (unknown image: HSS.0011).
 * Every limit is 10–200 (default 10), offset 0–2,000,000. Nothing is ever handled or ignored here (there
 * is no API in scope to do so), so `handled` / `is_handled=true` / `vul_status_ignored` list nothing, and
 * all images are registry images, so the `local`, `cicd` and `cluster` scopes list nothing either.
 */
import type {
  HssGeneralImageVul,
  HssImageVulnerability,
  HssVulAffectImage,
  HssVulAffectImageApp,
  HssVulnerabilityCve,
} from '../../../upstream/hss/vulnerabilityTypes';
import {
  REPAIR_NECESSITIES,
  VULNERABILITY_HANDLE_STATUSES,
  VULNERABILITY_IMAGE_SCOPES,
  VULNERABILITY_SEVERITIES,
  VULNERABILITY_STATUSES,
  VULNERABILITY_TYPES,
} from '../../data/hssVocabulary';
import { imageVulnerabilities, repairNecessityOf } from '../../data/imageVulnerabilities';
import { catalogVulnerabilityById, type CatalogVulnerability } from '../../data/vulnerabilityCatalog';
import { hssNotFound } from '../../errors';
import type { ParamReader } from '../../params';
import type { RouteContext, RouteDefinition, RouteResult } from '../types';
import { listPage as page } from './listPage';
import { hssParams, paging, REGISTRY_IMAGE_TYPES, resolveImage } from './common';

const MAX_LABELS = 10;

function required<T>(params: ParamReader, name: string, value: T | undefined): T {
  if (value === undefined) params.fail(`${name} is required`);
  return value;
}

function pathId(params: ParamReader, name: string, value: string | undefined, max: number): string {
  if (!value || value.length > max) params.fail(`${name} must be 1 to ${max} characters`);
  return value;
}

function contains(text: string, fragment: string | undefined): boolean {
  return fragment === undefined || fragment === '' || text.toLowerCase().includes(fragment.toLowerCase());
}

function listImageVulnerabilities(context: RouteContext): RouteResult {
  const params = hssParams(context.query);
  const { limit, offset } = paging(params, 10);
  params.text('enterprise_project_id', 1, 256);
  const imageId = pathId(params, 'image_id', context.params.image_id, 128);
  const imageType = required(
    params,
    'image_type',
    params.oneOf('image_type', [...REGISTRY_IMAGE_TYPES, 'cicd']),
  );
  required(params, 'namespace', params.text('namespace', 1, 64));
  required(params, 'image_name', params.text('image_name', 1, 128));
  required(params, 'tag_name', params.text('tag_name', 1, 64));
  params.text('instance_id', 0, 128);
  const necessity = params.oneOf('repair_necessity', REPAIR_NECESSITIES);
  const vulId = params.text('vul_id', 0, 256);
  const appName = params.text('app_name', 0, 256);
  const type = params.oneOf('type', VULNERABILITY_TYPES);
  const handleStatus = params.oneOf('handle_status', VULNERABILITY_HANDLE_STATUSES);
  const index = resolveImage(context.dataset, imageId, params, imageType, 'tag_name');
  if (handleStatus === 'handled') return page([], offset, limit);
  const rows = imageVulnerabilities(context.dataset)
    .rowsOf(index)
    .filter(
      ({ vul, record }) =>
        (necessity === undefined || repairNecessityOf(vul) === necessity) &&
        (type === undefined || vul.type === type) &&
        contains(vul.vulId, vulId) &&
        contains(record.app_name, appName),
    )
    .map(({ vul, record }): HssImageVulnerability => ({
      vul_id: vul.vulId,
      repair_necessity: repairNecessityOf(vul),
      description: vul.description,
      position: record.layer_digest,
      app_name: record.app_name,
      app_path: vul.type === 'app_vul' ? record.app_path : '',
      version: record.app_version,
      solution: vul.solution,
      url: vul.url,
    }));
  return page(rows, offset, limit);
}

function listGeneralImageVuls(context: RouteContext): RouteResult {
  const params = hssParams(context.query);
  const { limit, offset } = paging(params, 10);
  params.text('enterprise_project_id', 1, 256);
  const type = required(params, 'type', params.oneOf('type', VULNERABILITY_TYPES));
  const handleStatus = required(
    params,
    'handle_status',
    params.oneOf('handle_status', VULNERABILITY_HANDLE_STATUSES),
  );
  const scope = required(params, 'image_type', params.oneOf('image_type', VULNERABILITY_IMAGE_SCOPES));
  const severity = params.oneOf('severity_level', VULNERABILITY_SEVERITIES);
  const vulId = params.text('vul_id', 0, 256);
  const vulName = params.text('vul_name', 0, 256);
  const cveId = params.text('cve_id', 0, 256);
  const labels = context.query.getAll('label_list');
  if (labels.length > MAX_LABELS) params.fail(`label_list must have at most ${MAX_LABELS} entries`);
  const status = params.oneOf('status', VULNERABILITY_STATUSES);
  params.text('cluster_id', 0, 128);
  if (
    handleStatus === 'handled' ||
    scope !== 'registry' ||
    status === 'vul_status_ignored' ||
    labels.length > 0
  ) {
    // Nothing is handled or ignored, all images are registry images, and no vulnerability carries labels.
    return page([], offset, limit);
  }
  const rows = imageVulnerabilities(context.dataset)
    .entries()
    .filter(
      ({ vul }) =>
        vul.type === type &&
        (severity === undefined || vul.severity === severity) &&
        contains(vul.vulId, vulId) &&
        contains(vul.name, vulName) &&
        (!cveId || vul.cves.some((cve) => cve.cveId === cveId)),
    )
    .map(({ vul, images, scanTime }): HssGeneralImageVul => ({
      vul_name: vul.name,
      vul_id: vul.vulId,
      type: vul.type,
      image_type: 'registry',
      label_list: [],
      severity_level: vul.severity,
      image_num: images.length,
      cve_list: vul.cves.map((cve) => ({ cve_id: cve.cveId, cvss: cve.cvss })),
      max_cvss_score: vul.maxCvss,
      scan_time: scanTime,
      description: vul.description,
      url: vul.url,
      solution_detail: vul.solution,
      cluster_num: 0,
    }));
  return page(rows, offset, limit);
}

function knownVulnerability(context: RouteContext, vulId: string): CatalogVulnerability {
  const vul = catalogVulnerabilityById(context.dataset.seed, vulId);
  if (!vul) throw hssNotFound(`vulnerability ${vulId}`);
  return vul;
}

function listVulnerabilityCve(context: RouteContext): RouteResult {
  const params = hssParams(context.query);
  const { limit, offset } = paging(params, 10);
  params.text('enterprise_project_id', 1, 256);
  const vul = knownVulnerability(context, pathId(params, 'vul_id', context.params.vul_id, 256));
  const rows = vul.cves.map((cve): HssVulnerabilityCve => ({
    cve_id: cve.cveId,
    cvss_score: cve.cvss,
    publish_time: cve.publishTime,
    description: cve.description,
  }));
  return page(rows, offset, limit);
}

function listVulAffectImages(context: RouteContext): RouteResult {
  const params = hssParams(context.query);
  const { limit, offset } = paging(params, 10);
  params.text('enterprise_project_id', 1, 256);
  const isHandled = required(params, 'is_handled', params.bool('is_handled'));
  const vulId = required(params, 'vul_id', params.text('vul_id', 1, 256));
  const type = required(params, 'type', params.oneOf('type', VULNERABILITY_TYPES));
  const scope = required(params, 'image_type', params.oneOf('image_type', VULNERABILITY_IMAGE_SCOPES));
  const severity = params.oneOf('repair_necessity', VULNERABILITY_SEVERITIES);
  const imageId = params.text('image_id', 0, 256);
  const imageName = params.text('image_name', 0, 512);
  const registryName = params.text('registry_name', 0, 256);
  const registryType = params.text('registry_type', 0, 64);
  const status = params.oneOf('status', VULNERABILITY_STATUSES);
  params.text('cluster_id', 0, 128);
  const store = imageVulnerabilities(context.dataset);
  const entry = store.entry(vulId);
  if (
    !entry ||
    isHandled ||
    scope !== 'registry' ||
    status === 'vul_status_ignored' ||
    entry.vul.type !== type ||
    (severity !== undefined && entry.vul.severity !== severity)
  ) {
    return page([], offset, limit);
  }
  const rows: HssVulAffectImage[] = [];
  for (const index of entry.images) {
    const image = context.dataset.getImage(index);
    if (imageId && image.image_id !== imageId) continue;
    if (!contains(image.image_name, imageName)) continue;
    if (registryName && image.registry_name !== registryName) continue;
    if (registryType && image.registry_type !== registryType) continue;
    rows.push({
      image_id: image.image_id,
      image_name: image.image_name,
      image_digest: image.image_digest,
      image_version: image.image_version,
      organization: image.namespace,
      repair_necessity: entry.vul.severity,
      container_num: store.containerCount(index, entry.vul.key),
      first_scan_time: String(image.latest_scan_time),
      latest_scan_time: String(image.latest_scan_time),
      image_type: 'registry',
      registry_type: image.registry_type,
      registry_name: image.registry_name,
      is_multi_arch: String(image.is_multiple_arch),
      status: 'vul_status_unfix',
      cluster_id: '',
      cluster_name: '',
    });
  }
  return page(rows, offset, limit);
}

function listVulAffectImageApps(context: RouteContext): RouteResult {
  const params = hssParams(context.query);
  const { limit, offset } = paging(params, 10);
  params.text('enterprise_project_id', 1, 256);
  const imageId = pathId(params, 'image_id', context.params.image_id, 256);
  const isHandled = required(params, 'is_handled', params.bool('is_handled'));
  const scope = required(params, 'image_type', params.oneOf('image_type', VULNERABILITY_IMAGE_SCOPES));
  const vulId = required(params, 'vul_id', params.text('vul_id', 1, 256));
  const index = scope === 'registry' ? context.dataset.imageIndexOf(imageId) : undefined;
  if (index === undefined) throw hssNotFound(`${scope} image ${imageId}`);
  if (isHandled) return page([], offset, limit);
  const byApp = new Map<string, HssVulAffectImageApp>();
  for (const { vul, record } of imageVulnerabilities(context.dataset).rowsOf(index)) {
    if (vul.vulId !== vulId) continue;
    let app = byApp.get(record.app_name);
    if (!app) {
      app = { app_name: record.app_name, rule: `${record.app_name} is affected by ${vulId}`, paths: [] };
      byApp.set(record.app_name, app);
    }
    app.paths.push({
      status: 'vul_status_unfix',
      app_version: record.app_version,
      app_path: record.app_path,
    });
  }
  return page([...byApp.values()], offset, limit);
}

function hssGet(id: RouteDefinition['id'], path: string, handle: RouteDefinition['handle']): RouteDefinition {
  return {
    id,
    method: 'GET',
    path,
    service: 'hss',
    auth: 'token',
    rateLimited: true,
    readsBody: false,
    handle,
  };
}

export const vulnerabilityRoutes: readonly RouteDefinition[] = [
  hssGet(
    'hss.listImageVulnerabilities',
    '/v5/:project_id/image/:image_id/vulnerabilities',
    listImageVulnerabilities,
  ),
  hssGet('hss.listGeneralImageVuls', '/v5/:project_id/images/vulnerabilities', listGeneralImageVuls),
  hssGet('hss.listVulnerabilityCve', '/v5/:project_id/image/vulnerability/:vul_id/cve', listVulnerabilityCve),
  hssGet('hss.listVulAffectImages', '/v5/:project_id/vulnerability/images', listVulAffectImages),
  hssGet(
    'hss.listVulAffectImageApps',
    '/v5/:project_id/image/vulnerability/:image_id/apps',
    listVulAffectImageApps,
  ),
];
