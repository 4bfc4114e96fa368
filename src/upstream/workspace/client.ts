/** The Workspace client: product images (docs/huawei-cloud-apis.md §A5), limit 0–100. */
import type { WorkspaceClient } from '../clients';
import { projectIdGetter, type ProjectIdInput } from '../projectIdInput';
import { isPromise } from '../sameTurn';
import { checkListRange } from '../argumentChecks';
import { WORKSPACE_IMAGES_RANGE } from '../facts';
import type { UpstreamHandler } from '../upstreamCall';
import { encodePathSegment, stringifyQuery } from '../transport/query';
import { parseProductImages } from './parse';
import type { ListProductImagesResponse } from './types';

export interface WorkspaceClientOptions {
  handler: UpstreamHandler;
  projectId: ProjectIdInput;
}

export const WORKSPACE_TAGS = { productImages: 'workspace.productImages' } as const;

const API = 'workspace.listProductImages';

export function createWorkspaceClient(config: WorkspaceClientOptions): WorkspaceClient {
  const projectId = projectIdGetter(config.projectId);
  return {
    async listProductImages(query, options = {}) {
      checkListRange(query, WORKSPACE_IMAGES_RANGE);
      const id = projectId(options.signal);
      const result = await config.handler({
        service: 'workspace',
        api: API,
        method: 'GET',
        path: `/v2/${encodePathSegment(isPromise(id) ? await id : id)}/images`,
        query: stringifyQuery({ ...query }),
        headers: {},
        idempotent: true,
        cachePolicy: 'list',
        cacheTags: [WORKSPACE_TAGS.productImages],
        parseBody: parseProductImages,
        options,
      });
      return result.body as ListProductImagesResponse;
    },
  };
}
