/**
 * Node-local images: `GET /v5/{project_id}/image/local-repositories` (ListImageLocal) and
 * `GET /v5/{project_id}/image/local/apps` (ListLocalImageAppInfo). limit 10–200 on both.
 * ListImageLocal: image_name is fuzzy and case-sensitive (1–256); image_version is exact and only
 * effective with image_name; host_name, container_name, pod_name and app_name are fuzzy (substring);
 * host_id, host_ip, container_id and pod_id exact; scan_status `waiting_for_scan` matches the answer's
 * `waiting`. Lengths the pages leave open are taken as 1–256.
 */
import type { HssLocalImage, ListImageLocalQuery } from '../../../upstream/hss/imageKindsTypes';
import type { HssPage } from '../../../upstream/hss/types';
import { IMAGE_KIND_SCAN_STATUS_FILTERS, LOCAL_IMAGE_TYPES } from '../../data/imageKindVocabulary';
import type { LocalImageEntry } from '../../data/imageKinds';
import { hssNotFound } from '../../errors';
import type { ParamReader } from '../../params';
import type { RouteContext, RouteDefinition, RouteResult } from '../types';
import { hssParams, paging } from './common';
import { pageOfEntries, perImageAppsPage, riskFilter, within } from './imageKindFilters';

type LocalPredicate = (entry: LocalImageEntry) => boolean;
type Text = keyof ListImageLocalQuery;

function localFilters(params: ParamReader, now: number, apps: (entry: LocalImageEntry) => string[]) {
  const tests: LocalPredicate[] = [];
  const text = (name: Text, test: (value: string) => LocalPredicate) => {
    const value = params.text(name, 1, 256);
    if (value !== undefined) tests.push(test(value));
  };
  const imageName = params.text('image_name', 1, 256);
  if (imageName !== undefined) {
    tests.push(({ record }) => record.image_name.includes(imageName));
    text(
      'image_version',
      (v) =>
        ({ record }) =>
          record.image_version === v,
    );
  }
  text(
    'host_name',
    (v) =>
      ({ hosts }) =>
        hosts.some((host) => host.name.includes(v)),
  );
  text(
    'host_id',
    (v) =>
      ({ hosts }) =>
        hosts.some((host) => host.id === v),
  );
  text(
    'host_ip',
    (v) =>
      ({ hosts }) =>
        hosts.some((host) => host.ip === v),
  );
  text(
    'container_id',
    (v) =>
      ({ containers }) =>
        containers.some((c) => c.id === v),
  );
  text(
    'container_name',
    (v) =>
      ({ containers }) =>
        containers.some((c) => c.name.includes(v)),
  );
  text(
    'pod_id',
    (v) =>
      ({ containers }) =>
        containers.some((c) => c.podId === v),
  );
  text(
    'pod_name',
    (v) =>
      ({ containers }) =>
        containers.some((c) => c.podName.includes(v)),
  );
  text('app_name', (v) => (entry) => apps(entry).some((name) => name.includes(v.toLowerCase())));
  const status = params.oneOf('scan_status', IMAGE_KIND_SCAN_STATUS_FILTERS);
  if (status !== undefined) {
    const answered = status === 'waiting_for_scan' ? 'waiting' : status;
    tests.push(({ record }) => record.scan_status === answered);
  }
  const type = params.oneOf('local_image_type', LOCAL_IMAGE_TYPES);
  if (type !== undefined) tests.push(({ record }) => record.local_image_type === type);
  const size = params.int('image_size', 0, Number.MAX_SAFE_INTEGER);
  if (size !== undefined) tests.push(({ record }) => record.image_size === size);
  const updated = params.timeRange('latest_update_time', now);
  if (updated) tests.push(({ record }) => within(record.latest_update_time, updated));
  const scanned = params.timeRange('latest_scan_time', now);
  if (scanned) tests.push(({ record }) => within(record.latest_scan_time, scanned));
  const risks = riskFilter(params, ['has_vul']);
  tests.push(({ record }) => risks(record));
  const hasContainer = params.bool('has_container');
  if (hasContainer !== undefined) tests.push(({ containers }) => containers.length > 0 === hasContainer);
  return tests;
}

function listImageLocal(context: RouteContext): RouteResult {
  const params: ParamReader = hssParams(context.query);
  const { limit, offset } = paging(params, 10);
  params.text('enterprise_project_id', 1, 256);
  const store = context.dataset.imageKinds;
  const appNames = (entry: LocalImageEntry) => store.appsOf(entry).map((app) => app.app_name.toLowerCase());
  const tests = localFilters(params, Date.now(), appNames);
  const matches = store.local.filter((entry) => tests.every((test) => test(entry)));
  const body: HssPage<HssLocalImage> = pageOfEntries(matches, offset, limit);
  return { status: 200, body };
}

function listLocalImageAppInfo(context: RouteContext): RouteResult {
  const params: ParamReader = hssParams(context.query);
  const { limit, offset } = paging(params, 10);
  params.text('enterprise_project_id', 1, 256);
  const imageId = params.text('image_id', 1, 256);
  if (imageId === undefined) params.fail('image_id is required');
  const appName = params.text('app_name', 0, 256);
  const entry = context.dataset.imageKinds.localImage(imageId);
  if (!entry) throw hssNotFound(`no local image with id ${imageId}`);
  const body = perImageAppsPage(context.dataset.imageKinds.appsOf(entry), offset, limit, appName);
  return { status: 200, body };
}

export const listImageLocalRoute: RouteDefinition = {
  id: 'hss.listImageLocal',
  method: 'GET',
  path: '/v5/:project_id/image/local-repositories',
  service: 'hss',
  auth: 'token',
  rateLimited: true,
  readsBody: false,
  handle: listImageLocal,
};

/** Listed before ListImageApps: `/image/local/apps` would otherwise match `/image/{image_id}/apps`. */
export const listLocalImageAppInfoRoute: RouteDefinition = {
  id: 'hss.listLocalImageAppInfo',
  method: 'GET',
  path: '/v5/:project_id/image/local/apps',
  service: 'hss',
  auth: 'token',
  rateLimited: true,
  readsBody: false,
  handle: listLocalImageAppInfo,
};
