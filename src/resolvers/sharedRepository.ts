/** `sharedRepositories` and the `SharedRepository` fields, including its tags as container images. */
import type { QueryResolvers, SharedRepositoryFilter, SharedRepositoryResolvers } from '../generated/graphql';
import { userInputError } from '../graphql/errors';
import { sharedRepositoryId } from '../graphql/ids';
import { isValidImageRefPart, type ImageRef } from '../graphql/imageRef';
import { containerImageModel, sharedRepositoryModel } from '../graphql/models';
import { LOCAL_LIMITS, SWR_LIMITS, pageOf, pageRequest, slicePage } from '../graphql/pagination';
import type { HssRegistryImage } from '../upstream/hss/types';
import type { ListSharedReposQuery } from '../upstream/swr/types';
import { timeOrNull } from './scalars';

/** SWR organization names are at most 64 characters; repository names at most 128. */
const MAX_FILTER_LENGTH = { namespace: 64, name: 128 } as const;

function sharedReposFilter(filter: SharedRepositoryFilter | null | undefined): ListSharedReposQuery {
  const query: ListSharedReposQuery = {};
  for (const field of ['namespace', 'name'] as const) {
    const value = filter?.[field];
    if (value == null || value === '') continue;
    if (value.length > MAX_FILTER_LENGTH[field]) {
      throw userInputError(`filter.${field} must be at most ${MAX_FILTER_LENGTH[field]} characters.`);
    }
    query[field] = value;
  }
  return query;
}

export const sharedRepositoryQueries: Pick<QueryResolvers, 'sharedRepositories'> = {
  async sharedRepositories(_root, { center, filter, first, after }, { loaders }) {
    const query = sharedReposFilter(filter);
    const request = pageRequest(first, after, SWR_LIMITS);
    const page = await loaders.sharedRepositoriesPage.load({
      ...query,
      center,
      limit: request.limit,
      offset: request.offset,
    });
    const repos = page.items.map((repo) => sharedRepositoryModel(center, repo));
    return pageOf(request, repos, page.total);
  },
};

export const SharedRepository: SharedRepositoryResolvers = {
  id: ({ center, repo }) => sharedRepositoryId(center, repo.namespace, repo.name),
  center: ({ center }) => center,
  name: ({ repo }) => repo.name,
  namespace: ({ repo }) => repo.namespace,
  category: ({ repo }) => repo.category || null,
  description: ({ repo }) => repo.description || null,
  sizeBytes: ({ repo }) => repo.size,
  isPublic: ({ repo }) => repo.is_public,
  tagCount: ({ repo }) => repo.num_images,
  downloadCount: ({ repo }) => repo.num_download,
  createdAt: ({ repo }) => timeOrNull(repo.created_at),
  updatedAt: ({ repo }) => timeOrNull(repo.updated_at),
  pullPath: ({ repo }) => repo.path,
  internalPullPath: ({ repo }) => repo.internal_path || null,
  ownerDomain: ({ repo }) => repo.domain_name,
  // SWR's `status` means "share still valid" only for repositories shared with this account.
  shareValid: ({ center, repo }) => (center === 'thirdparty' ? repo.status : null),
  tags: ({ repo }) => repo.tags,

  /**
   * All tags are looked up (one HSS list per repository, batched with every other repository on the
   * page) so that totalCount counts exactly the tags HSS knows; then the requested page is shown.
   */
  async images({ center, repo }, { first, after }, { loaders }) {
    const request = pageRequest(first, after, LOCAL_LIMITS);
    const type = center === 'self' ? 'private_image' : 'shared_image';
    if (!isValidImageRefPart('namespace', repo.namespace) || !isValidImageRefPart('name', repo.name)) {
      return slicePage(request, []);
    }
    const refs: ImageRef[] = [...new Set(repo.tags)]
      .filter((tag) => isValidImageRefPart('tag', tag))
      .map((tag) => ({ type, namespace: repo.namespace, name: repo.name, tag }));
    const results = await loaders.imageByRef.loadMany(refs);
    const failure = results.find((result): result is Error => result instanceof Error);
    if (failure) throw failure;
    const found = results.filter((result): result is HssRegistryImage => result !== null);
    return slicePage(request, found.map(containerImageModel));
  },
};
