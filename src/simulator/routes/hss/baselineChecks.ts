/**
 * The HSS image baseline-check APIs (docs/huawei-cloud-apis.md §G4), over data/baselineChecks.ts:
 * - ListImageRiskConfigs `GET /v5/{project_id}/image/baseline/risk-configs`: image_type required; filters
 *   namespace, image_name (fuzzy), image_version, image_id (overrides name and version), check_name,
 *   severity (Security | Low | Medium | High), standard, instance_id.
 * - ListImageRiskConfigRules `GET /v5/{project_id}/image/baseline/risk-configs/{check_name}/rules`:
 *   image_type and standard required; filters result_type, check_rule_name (fuzzy), severity (adds
 *   Critical) and the image filters above.
 * limit 10–200, offset 0–2,000,000. Several matching images are aggregated per check: a rule counts as
 * failed when it failed on any of them. `local`/`local_image` list nothing (there are no node images).
 */
import type { HssImageRiskConfig, HssImageRiskConfigRule } from '../../../upstream/hss/vulnerabilityTypes';
import {
  baselineChecksOf,
  BASELINE_CHECK_NAMES,
  type BaselineCheckDefinition,
} from '../../data/baselineChecks';
import type { Dataset } from '../../data/dataset';
import {
  BASELINE_CHECK_SEVERITIES,
  BASELINE_IMAGE_TYPES,
  BASELINE_RESULT_TYPES,
  BASELINE_RULE_SEVERITIES,
  BASELINE_STANDARDS,
} from '../../data/hssVocabulary';
import type { ParamReader } from '../../params';
import type { RouteContext, RouteDefinition, RouteResult } from '../types';
import { listPage as page } from './listPage';
import { hssParams, paging } from './common';

interface AggregatedCheck {
  check: BaselineCheckDefinition;
  failed: Set<number>;
}

/** The checks of every image the shared image filters select, merged per check name. */
function aggregatedChecks(dataset: Dataset, params: ParamReader): AggregatedCheck[] {
  const imageType = params.oneOf('image_type', BASELINE_IMAGE_TYPES);
  if (imageType === undefined) params.fail('image_type is required');
  const namespace = params.text('namespace', 1, 64);
  const imageName = params.text('image_name', 1, 128)?.toLowerCase();
  const imageVersion = params.text('image_version', 1, 64);
  const imageId = params.text('image_id', 1, 128);
  params.text('instance_id', 0, 128);
  if (imageType === 'local' || imageType === 'local_image') return [];
  let candidates: number[];
  if (imageId !== undefined) {
    const index = dataset.imageIndexOf(imageId);
    candidates = index === undefined ? [] : [index];
  } else {
    candidates = [];
    for (let i = 0; i < dataset.imageCount; i++) {
      const repository = dataset.images.repository(i);
      if (namespace !== undefined && repository.namespace !== namespace) continue;
      if (imageName !== undefined && !repository.name.toLowerCase().includes(imageName)) continue;
      if (imageVersion !== undefined && dataset.images.tag(i) !== imageVersion) continue;
      candidates.push(i);
    }
  }
  const merged = new Map<string, AggregatedCheck>();
  for (const i of candidates) {
    if (imageType !== 'registry' && dataset.images.repository(i).type !== imageType) continue;
    for (const { check, failed } of baselineChecksOf(dataset, i)) {
      let entry = merged.get(check.checkName);
      if (!entry) merged.set(check.checkName, (entry = { check, failed: new Set() }));
      for (const rule of failed) entry.failed.add(rule);
    }
  }
  return [...merged.values()];
}

function listImageRiskConfigs(context: RouteContext): RouteResult {
  const params = hssParams(context.query);
  const { limit, offset } = paging(params, 10);
  params.text('enterprise_project_id', 1, 256);
  const checkName = params.text('check_name', 1, 256);
  const severity = params.oneOf('severity', BASELINE_CHECK_SEVERITIES);
  const standard = params.oneOf('standard', BASELINE_STANDARDS);
  const checks = aggregatedChecks(context.dataset, params);
  const rows = checks
    .filter(
      ({ check }) =>
        standard !== 'cn_standard' &&
        (checkName === undefined || check.checkName === checkName) &&
        (severity === undefined || check.severity === severity),
    )
    .map(({ check, failed }): HssImageRiskConfig => ({
      severity: check.severity,
      check_name: check.checkName,
      check_type: check.checkType,
      standard: 'hw_standard',
      check_rule_num: check.rules.length,
      failed_rule_num: failed.size,
      check_type_desc: check.description,
    }));
  return page(rows, offset, limit);
}

function listImageRiskConfigRules(context: RouteContext): RouteResult {
  const params = hssParams(context.query);
  const { limit, offset } = paging(params, 10);
  params.text('enterprise_project_id', 1, 256);
  const checkName = context.params.check_name ?? '';
  if (checkName === '' || checkName.length > 256) params.fail('check_name must be 1 to 256 characters');
  const standard = params.oneOf('standard', BASELINE_STANDARDS);
  if (standard === undefined) params.fail('standard is required');
  const resultType = params.oneOf('result_type', BASELINE_RESULT_TYPES);
  const ruleName = params.text('check_rule_name', 1, 256)?.toLowerCase();
  const severity = params.oneOf('severity', BASELINE_RULE_SEVERITIES);
  const checks = aggregatedChecks(context.dataset, params);
  const found = BASELINE_CHECK_NAMES.has(checkName)
    ? checks.find(({ check }) => check.checkName === checkName)
    : undefined;
  if (!found || standard === 'cn_standard') return page([], offset, limit);
  const rows: HssImageRiskConfigRule[] = [];
  found.check.rules.forEach((rule, r) => {
    const result = found.failed.has(r) ? 'failed' : 'pass';
    if (resultType !== undefined && result !== resultType) return;
    if (ruleName !== undefined && !rule.name.toLowerCase().includes(ruleName)) return;
    if (severity !== undefined && rule.severity !== severity) return;
    rows.push({
      severity: rule.severity,
      check_name: found.check.checkName,
      check_type: found.check.checkType,
      standard: 'hw_standard',
      check_rule_name: rule.name,
      check_rule_id: rule.id,
      scan_result: result,
    });
  });
  return page(rows, offset, limit);
}

export const baselineCheckRoutes: readonly RouteDefinition[] = [
  {
    id: 'hss.listImageRiskConfigs',
    method: 'GET',
    path: '/v5/:project_id/image/baseline/risk-configs',
    service: 'hss',
    auth: 'token',
    rateLimited: true,
    readsBody: false,
    handle: listImageRiskConfigs,
  },
  {
    id: 'hss.listImageRiskConfigRules',
    method: 'GET',
    path: '/v5/:project_id/image/baseline/risk-configs/:check_name/rules',
    service: 'hss',
    auth: 'token',
    rateLimited: true,
    readsBody: false,
    handle: listImageRiskConfigRules,
  },
];
