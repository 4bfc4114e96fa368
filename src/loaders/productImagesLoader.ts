/** One page of Workspace ListImages per distinct query (also serves `node(id:)` via `image_id`). */
import type { WorkspaceClient } from '../upstream/clients';
import type { ListProductImagesQuery, ListProductImagesResponse } from '../upstream/workspace/types';
import { createCallLoader, type CallLoader } from './callLoader';

export type ProductImagesLoader = CallLoader<ListProductImagesQuery, ListProductImagesResponse>;

export function createProductImagesLoader(
  workspace: WorkspaceClient,
  signal: AbortSignal,
): ProductImagesLoader {
  return createCallLoader((query: ListProductImagesQuery) => workspace.listProductImages(query, { signal }));
}
