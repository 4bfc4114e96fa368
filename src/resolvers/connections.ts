/** The four connection types and their edges share one shape: a `Page` of models (see pagination.ts). */
import type {
  AffectedImageConnectionResolvers,
  ContainerImageConnectionResolvers,
  ImageVulnerabilityConnectionResolvers,
  VulnerabilityConnectionResolvers,
  ImageAppConnectionResolvers,
  ProductImageConnectionResolvers,
  SharedRepositoryConnectionResolvers,
} from '../generated/graphql';
import type { Edge, Page } from '../graphql/models';
import { edgesOf, pageInfoOf } from '../graphql/pagination';

export function connectionResolvers<T>() {
  return {
    edges: (page: Page<T>): Edge<T>[] => edgesOf(page),
    nodes: (page: Page<T>): T[] => page.items,
    pageInfo: (page: Page<T>) => pageInfoOf(page),
    totalCount: (page: Page<T>): number => page.total,
  };
}

export const connectionTypeResolvers = {
  ContainerImageConnection: connectionResolvers() satisfies ContainerImageConnectionResolvers,
  ImageAppConnection: connectionResolvers() satisfies ImageAppConnectionResolvers,
  SharedRepositoryConnection: connectionResolvers() satisfies SharedRepositoryConnectionResolvers,
  ProductImageConnection: connectionResolvers() satisfies ProductImageConnectionResolvers,
  ImageVulnerabilityConnection: connectionResolvers() satisfies ImageVulnerabilityConnectionResolvers,
  VulnerabilityConnection: connectionResolvers() satisfies VulnerabilityConnectionResolvers,
  AffectedImageConnection: connectionResolvers() satisfies AffectedImageConnectionResolvers,
};
