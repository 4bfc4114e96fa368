/** `node(id:)`: decodes the global id and loads the object the same way its own lookup would. */
import type { NodeResolvers, QueryResolvers } from '../generated/graphql';
import type { GatewayContext } from '../graphql/context';
import { notFoundError } from '../graphql/errors';
import { decodeGlobalId, type GlobalId } from '../graphql/ids';
import type { ImageModel } from '../graphql/imageKindModels';
import { sharedRepositoryModel, type ProductImageModel, type SharedRepositoryModel } from '../graphql/models';
import { WORKSPACE_LIMITS } from '../graphql/pagination';
import { loadCicdImage } from './cicdImage';
import { loadContainerImage } from './containerImage';
import { loadLocalImage } from './localImage';

type NodeModel = ImageModel | SharedRepositoryModel | ProductImageModel;

async function loadNode(id: GlobalId, context: GatewayContext): Promise<NodeModel> {
  switch (id.kind) {
    case 'ContainerImage':
      return loadContainerImage(context, id, id.imageId);
    case 'CicdImage':
      return loadCicdImage(context, id);
    case 'LocalImage':
      return loadLocalImage(context, id);
    case 'SharedRepository': {
      const repo = await context.loaders.sharedRepository.load(id);
      if (!repo) throw notFoundError(`Shared repository ${id.namespace}/${id.name}`);
      return sharedRepositoryModel(id.center, repo);
    }
    case 'ProductImage': {
      // `image_id` narrows the list upstream; the exact match guards against a server that ignores it.
      const page = await context.loaders.productImages.load({
        image_id: id.imageId,
        limit: WORKSPACE_LIMITS.maxFirst,
        offset: 0,
      });
      const image = page.images.find((candidate) => candidate.id === id.imageId);
      if (!image) throw notFoundError(`Product image ${id.imageId}`);
      return image;
    }
  }
}

export const nodeQueries: Pick<QueryResolvers, 'node'> = {
  node: (_root, { id }, context) => loadNode(decodeGlobalId(id), context),
};

export const Node: NodeResolvers = {
  __resolveType: (model) => ('kind' in model ? model.kind : 'ProductImage'),
};
