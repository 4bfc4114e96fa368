/**
 * What the image kinds share: the `Image` interface, the kind of a registry image, the enums and
 * connections of CI/CD and local images, and the image of a software row found in a CI/CD or local image.
 */
import type {
  CicdImageConnectionResolvers,
  ContainerImageResolvers,
  ImageResolvers,
  LocalImageConnectionResolvers,
  LocalImageSourceResolvers,
  PipelineTypeResolvers,
} from '../generated/graphql';
import type { GatewayContext } from '../graphql/context';
import { cicdImageModel, localImageModel, type ImageModel } from '../graphql/imageKindModels';
import type { HssGlobalImageApp } from '../upstream/hss/types';
import { CicdImage, cicdImageQueries } from './cicdImage';
import { connectionResolvers } from './connections';
import { HSS_IMAGE_ID, isPlainText } from './imageKindInput';
import { LocalImage, localImageQueries } from './localImage';

export const PipelineType = {
  JENKINS: 'jenkins',
  CODEARTS: 'codearts',
} as const satisfies Required<PipelineTypeResolvers>;

export const LocalImageSource = {
  SWR: 'swr_image',
  OTHER: 'other_image',
} as const satisfies Required<LocalImageSourceResolvers>;

export const Image: ImageResolvers = {
  __resolveType: (model) => model.kind,
};

/** `ContainerImage.kind`: registry images are the REGISTRY kind. */
export const containerImageKind: Pick<ContainerImageResolvers, 'kind'> = { kind: () => 'registry' };

/**
 * The CI/CD or node-local image a global software row names (`image_type=cicd|local` searches): one list
 * per repository of the rows on the page (CI/CD), or per image name (local). Null when the row does not
 * name an image the list could find, or HSS no longer lists it.
 */
export async function imageOfKindApp(
  app: HssGlobalImageApp,
  kind: 'cicd' | 'local',
  context: GatewayContext,
): Promise<ImageModel | null> {
  const { image_id: imageId, image_name: name = '' } = app;
  if (imageId === undefined || !HSS_IMAGE_ID.test(imageId) || !isPlainText(name, kind === 'cicd' ? 128 : 256))
    return null;
  if (kind === 'cicd') {
    const namespace = app.namespace && isPlainText(app.namespace, 128) ? app.namespace : '';
    const record = await context.loaders.cicdImage.load({ imageId, namespace, name });
    return record && cicdImageModel(record);
  }
  const tag = app.image_version && isPlainText(app.image_version, 256) ? app.image_version : '';
  const record = await context.loaders.localImage.load({ imageId, name, tag });
  return record && localImageModel(record);
}

export const imageKindResolvers = {
  queries: { ...cicdImageQueries, ...localImageQueries },
  types: {
    Image,
    CicdImage,
    LocalImage,
    PipelineType,
    LocalImageSource,
    CicdImageConnection: connectionResolvers() satisfies CicdImageConnectionResolvers,
    LocalImageConnection: connectionResolvers() satisfies LocalImageConnectionResolvers,
  },
};
