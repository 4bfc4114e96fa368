/** Every resolver, merged into the one map the executable schema (and Apollo Server) takes. */
import type { Resolvers } from '../generated/graphql';
import { connectionTypeResolvers } from './connections';
import { ContainerImage, ImageScan, containerImageQueries } from './containerImage';
import { enumResolvers } from './enums';
import { ImageApp, imageAppQueries } from './imageApp';
import { containerImageKind, imageKindResolvers } from './imageKinds';
import { Node, nodeQueries } from './node';
import { ProductImage, productImageQueries } from './productImage';
import { scalarResolvers } from './scalars';
import { scanImagesMutation } from './scanImages';
import { SharedRepository, sharedRepositoryQueries } from './sharedRepository';
import { vulnerabilityEnumResolvers } from './vulnerabilityEnums';
import * as vulnerabilities from './vulnerabilities';
import { upstreamQuotaQueries } from './upstreamQuota';

export const resolvers = {
  ...scalarResolvers,
  ...enumResolvers,
  ...connectionTypeResolvers,
  ...vulnerabilityEnumResolvers,
  Query: {
    ...nodeQueries,
    ...containerImageQueries,
    ...imageAppQueries,
    ...sharedRepositoryQueries,
    ...productImageQueries,
    ...vulnerabilities.vulnerabilityQueries,
    ...imageKindResolvers.queries,
    ...upstreamQuotaQueries,
  },
  Mutation: { ...scanImagesMutation },
  Node,
  ContainerImage: {
    ...ContainerImage,
    ...containerImageKind,
    ...vulnerabilities.containerImageVulnerabilityFields,
  },
  ImageScan,
  ImageApp: { ...ImageApp, ...vulnerabilities.imageAppVulnerabilityFields },
  SharedRepository,
  ProductImage,
  ImageVulnerability: vulnerabilities.ImageVulnerability,
  Vulnerability: vulnerabilities.Vulnerability,
  Cve: vulnerabilities.Cve,
  AffectedImage: vulnerabilities.AffectedImage,
  AffectedSoftware: vulnerabilities.AffectedSoftware,
  AffectedSoftwareLocation: vulnerabilities.AffectedSoftwareLocation,
  BaselineCheck: vulnerabilities.BaselineCheck,
  BaselineRule: vulnerabilities.BaselineRule,
  ...imageKindResolvers.types,
} satisfies Resolvers;
