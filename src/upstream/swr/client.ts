/** The SWR client: shared repositories, paged with separate `center`/`limit`/`offset` parameters. */
import type { SwrClient, SwrSharedRepositoriesPage } from '../clients';
import { checkListRange } from '../argumentChecks';
import { SWR_SHARED_REPOS_RANGE } from '../facts';
import type { UpstreamHandler } from '../upstreamCall';
import { stringifyQuery } from '../transport/query';
import { ShapeError } from '../shape';
import { parseSharedRepositories, totalFromContentRange } from './parse';

export interface SwrClientOptions {
  handler: UpstreamHandler;
}

export const SWR_TAGS = { sharedRepositories: 'swr.sharedRepositories' } as const;

const API = 'swr.listSharedRepositories';

export function createSwrClient(config: SwrClientOptions): SwrClient {
  return {
    async listSharedRepositories(query, options = {}) {
      checkListRange(query, SWR_SHARED_REPOS_RANGE);
      const result = await config.handler({
        service: 'swr',
        api: API,
        method: 'GET',
        // No project in SWR paths: the token's scope and the regional host imply it.
        path: '/v2/manage/shared-repositories',
        query: stringifyQuery({ ...query }),
        headers: {},
        idempotent: true,
        cachePolicy: 'list',
        cacheTags: [SWR_TAGS.sharedRepositories],
        parseBody: (body, headers) => parsePage(body, headers['content-range']),
        options,
      });
      return result.body as SwrSharedRepositoriesPage;
    },
  };
}

/** The bare array plus its total (`total_range` of any element, else the `Content-Range` total). */
function parsePage(body: unknown, contentRange: string | string[] | undefined): SwrSharedRepositoriesPage {
  const items = parseSharedRepositories(body);
  const total = items[0]?.total_range ?? totalFromContentRange(contentRange);
  if (total === undefined) {
    if (items.length > 0) throw new ShapeError('body[0].total_range', 'a number (or a Content-Range header)');
    return { items: [], total: 0 };
  }
  return { items: items.map((item) => ({ ...item, total_range: item.total_range ?? total })), total };
}
