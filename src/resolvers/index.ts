/** Every resolver, merged into the one map the executable schema (and Apollo Server) takes. */
import type { Resolvers } from '../generated/graphql';
import { connectionTypeResolvers } from './connections';
import { ContainerImage, ImageScan, containerImageQueries } from './containerImage';
import { enumResolvers } from './enums';
import { ImageApp, imageAppQueries } from './imageApp';
import { Node, nodeQueries } from './node';
import { ProductImage, productImageQueries } from './productImage';
import { scalarResolvers } from './scalars';
import { scanImagesMutation } from './scanImages';
import { SharedRepository, sharedRepositoryQueries } from './sharedRepository';
import { upstreamQuotaQueries } from './upstreamQuota';

export const resolvers = {
  ...scalarResolvers,
  ...enumResolvers,
  ...connectionTypeResolvers,
  Query: {
    ...nodeQueries,
    ...containerImageQueries,
    ...imageAppQueries,
    ...sharedRepositoryQueries,
    ...productImageQueries,
    ...upstreamQuotaQueries,
  },
  Mutation: { ...scanImagesMutation },
  Node,
  ContainerImage,
  ImageScan,
  ImageApp,
  SharedRepository,
  ProductImage,
} satisfies Resolvers;
