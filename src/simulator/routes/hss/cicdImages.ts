/**
 * `GET /v5/{project_id}/image/cicd/images` (ListCicdImages). limit 10–200; namespace, image_name
 * (1–128), image_version (1–64) and image_id (0–128) are exact matches; cicd_name (0–128) is a substring
 * match (the API page does not say; substring is the lenient reading); time ranges are inclusive.
 */
import type { HssCicdImage } from '../../../upstream/hss/imageKindsTypes';
import type { HssPage } from '../../../upstream/hss/types';
import { IMAGE_KIND_SCAN_STATUS_FILTERS, PIPELINE_TYPES } from '../../data/imageKindVocabulary';
import type { CicdImageEntry } from '../../data/imageKinds';
import type { ParamReader } from '../../params';
import type { RouteContext, RouteDefinition, RouteResult } from '../types';
import { hssParams, paging } from './common';
import { pageOfEntries, riskFilter, within } from './imageKindFilters';

type CicdPredicate = (entry: CicdImageEntry) => boolean;

function cicdFilters(params: ParamReader, now: number): CicdPredicate[] {
  const tests: CicdPredicate[] = [];
  const exact = (field: keyof HssCicdImage, min: number, max: number) => {
    const value = params.text(field, min, max);
    if (value) tests.push(({ record }) => record[field] === value);
  };
  exact('namespace', 1, 128);
  exact('image_name', 1, 128);
  exact('image_version', 1, 64);
  exact('image_id', 0, 128);
  const cicdName = params.text('cicd_name', 0, 128);
  if (cicdName) tests.push(({ record }) => record.cicd_name.includes(cicdName));
  if (params.bool('latest_version')) tests.push(({ record }) => record.latest_version);
  const size = params.int('image_size', 0, Number.MAX_SAFE_INTEGER);
  if (size !== undefined) tests.push(({ record }) => record.image_size === size);
  const status = params.oneOf('scan_status', IMAGE_KIND_SCAN_STATUS_FILTERS);
  if (status !== undefined) tests.push(({ record }) => record.scan_status === status);
  const updated = params.timeRange('latest_update_time', now);
  if (updated) tests.push(({ record }) => within(record.latest_update_time, updated));
  const scanned = params.timeRange('latest_scan_time', now);
  if (scanned) tests.push(({ record }) => within(record.latest_scan_time, scanned));
  const severity = params.oneOf('severity_level', ['Security', 'Low', 'Medium', 'High'] as const);
  if (severity !== undefined) tests.push(({ record }) => record.severity_level === severity);
  const pipeline = params.oneOf('pipeline_type', PIPELINE_TYPES);
  if (pipeline !== undefined) tests.push(({ record }) => record.pipeline_type === pipeline);
  const risks = riskFilter(params, ['has_vul', 'has_malicious_file', 'has_unsafe_setting', 'risky']);
  tests.push(({ record }) => risks(record));
  return tests;
}

function listCicdImages(context: RouteContext): RouteResult {
  const params: ParamReader = hssParams(context.query);
  const { limit, offset } = paging(params, 10);
  params.text('enterprise_project_id', 1, 256);
  const sortKey = params.oneOf('sort_key', ['latest_scan_time'] as const);
  const sortDir = params.oneOf('sort_dir', ['asc', 'desc'] as const) ?? 'asc';
  const tests = cicdFilters(params, Date.now());
  let matches = context.dataset.imageKinds.cicd.filter((entry) => tests.every((test) => test(entry)));
  if (sortKey) {
    const direction = sortDir === 'asc' ? 1 : -1;
    matches = [...matches].sort(
      (a, b) => direction * (a.record.latest_scan_time - b.record.latest_scan_time),
    );
  }
  const body: HssPage<HssCicdImage> = pageOfEntries(matches, offset, limit);
  return { status: 200, body };
}

export const listCicdImagesRoute: RouteDefinition = {
  id: 'hss.listCicdImages',
  method: 'GET',
  path: '/v5/:project_id/image/cicd/images',
  service: 'hss',
  auth: 'token',
  rateLimited: true,
  readsBody: false,
  handle: listCicdImages,
};
