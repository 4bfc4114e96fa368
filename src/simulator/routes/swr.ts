/**
 * SWR `GET /v2/manage/shared-repositories` (ListSharedReposDetails, docs/huawei-cloud-apis.md §A4 and §E). Accepts the legacy
 * `filter=center::self|name::x|limit::n|offset::k|…` form and plain query parameters (plain ones win
 * when both name a key). `center` is required; `namespace`/`name` are case-insensitive substrings;
 * `limit` (1–1000) and `offset` must come together; without them at most 100 records are returned.
 * Answers a bare array with `total_range` in every element; `Content-Range: {offset}-{count}/{total}`
 * only when limit and offset were sent. Errors use the dual old/new SWR body.
 */
import type { SwrShareCenter, SwrSharedRepository } from '../../upstream/swr/types';
import type { SharedRepositoryRecord } from '../data/sharedRepositories';
import { withTotal } from '../data/sharedRepositories';
import { swrBadParameter } from '../errors';
import { ParamReader } from '../params';
import type { RouteContext, RouteDefinition, RouteResult } from './types';

const KEYS = [
  'center',
  'namespace',
  'name',
  'limit',
  'offset',
  'order_column',
  'order_type',
  'domain_name',
  'status',
];
const ORDER_COLUMNS = [
  'updated_at',
  'updated_time',
  'name',
  'tag_count',
  'namespace',
  'domain_name',
] as const;
const DEFAULT_LIMIT = 100;

/** Merges the legacy filter string and the plain parameters into one parameter set. */
function effectiveParams(query: URLSearchParams): URLSearchParams {
  const merged = new URLSearchParams();
  const filter = query.get('filter');
  if (filter) {
    for (const pair of filter.split('|')) {
      if (pair === '') continue;
      const separator = pair.indexOf('::');
      if (separator <= 0) throw swrBadParameter(`filter pair "${pair}" is not key::value`);
      const key = pair.slice(0, separator);
      if (!KEYS.includes(key)) throw swrBadParameter(`unknown filter key ${key}`);
      merged.set(key, pair.slice(separator + 2));
    }
  }
  for (const key of KEYS) {
    const value = query.get(key);
    if (value !== null) merged.set(key, value);
  }
  return merged;
}

type Column = (typeof ORDER_COLUMNS)[number];

function sortValue(record: SharedRepositoryRecord, column: Column): string | number {
  switch (column) {
    case 'updated_at':
    case 'updated_time':
      return record.updatedAtMs;
    case 'tag_count':
      return record.num_images;
    default:
      return record[column];
  }
}

function listSharedRepositories(context: RouteContext): RouteResult {
  const params: ParamReader = new ParamReader(effectiveParams(context.query), swrBadParameter);
  const center = params.oneOf<SwrShareCenter>('center', ['self', 'thirdparty']);
  if (center === undefined) params.fail('center is required (self or thirdparty)');
  if (params.has('limit') !== params.has('offset')) params.fail('limit and offset must be used together');
  const limit = params.int('limit', 1, 1000);
  const offset = params.int('offset', 0, Number.MAX_SAFE_INTEGER);
  const column = params.oneOf('order_column', ORDER_COLUMNS);
  const direction = params.oneOf('order_type', ['asc', 'desc'] as const) ?? 'desc';
  const namespace = params.text('namespace', 1, 64)?.toLowerCase();
  const name = params.text('name', 1, 128)?.toLowerCase();
  const domainName = params.text('domain_name', 1, 128);
  const status = params.bool('status');

  const store = context.dataset.shared;
  let records: SharedRepositoryRecord[] = [];
  for (const index of store.indicesOf(center)) {
    const record = store.record(index, center);
    if (namespace !== undefined && !record.namespace.toLowerCase().includes(namespace)) continue;
    if (name !== undefined && !record.name.toLowerCase().includes(name)) continue;
    if (domainName !== undefined && record.domain_name !== domainName) continue;
    if (status !== undefined && record.status !== status) continue;
    records.push(record);
  }
  if (column) {
    const sign = direction === 'asc' ? 1 : -1;
    records = records.sort((a, b) => {
      const left = sortValue(a, column);
      const right = sortValue(b, column);
      return left < right ? -sign : left > right ? sign : 0;
    });
  }
  const total = records.length;
  const start = offset ?? 0;
  const page = records.slice(start, start + (limit ?? DEFAULT_LIMIT));
  const body: SwrSharedRepository[] = page.map((record) => withTotal(record, total));
  const headers: Record<string, string> = {};
  if (limit !== undefined && offset !== undefined)
    headers['Content-Range'] = `${offset}-${page.length}/${total}`;
  return { status: 200, body, headers };
}

export const swrRoutes: RouteDefinition[] = [
  {
    id: 'swr.listSharedRepositories',
    method: 'GET',
    path: '/v2/manage/shared-repositories',
    service: 'swr',
    auth: 'token',
    rateLimited: false,
    readsBody: false,
    handle: listSharedRepositories,
  },
];
