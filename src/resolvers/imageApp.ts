/** `imageSoftware` (software across all images) and the `ImageApp` fields. */
import { HSS_APP_NAME_MAX_LENGTH } from '../upstream/facts';
import { noteIfStale } from '../graphql/staleFields';
import type { ImageAppResolvers, QueryResolvers } from '../generated/graphql';
import type { GatewayContext } from '../graphql/context';
import { userInputError } from '../graphql/errors';
import { validImageRef } from '../graphql/imageRef';
import { containerImageModel, type ContainerImageModel } from '../graphql/models';
import { HSS_APPS_LIMITS, pageOf, pageRequest } from '../graphql/pagination';
import type {
  HssGlobalImageApp,
  HssRegistryImageType,
  HssRegistryKind,
  ListGlobalImageAppsQuery,
} from '../upstream/hss/types';
import { imageOfKindApp } from './imageKinds';
import { timeOrNull } from './scalars';

/** Registry kind of a global software item → `image_type` of the registry-image list. */
export const IMAGE_TYPE_OF_KIND: Record<HssRegistryKind, HssRegistryImageType | undefined> = {
  SwrPrivate: 'private_image',
  SwrShared: 'shared_image',
  SwrEnterprise: 'instance_image',
  Harbor: 'harbor',
  Jfrog: 'jfrog',
  Other: undefined,
};

/** The registry image a global software item was found in; null when the item cannot name it or HSS lost it. */
export async function imageOfGlobalApp(
  app: HssGlobalImageApp,
  context: GatewayContext,
): Promise<ContainerImageModel | null> {
  const type = app.image_type ? IMAGE_TYPE_OF_KIND[app.image_type] : undefined;
  const ref = validImageRef(type, app.namespace, app.image_name, app.image_version);
  if (!ref) return null;
  const record = await context.loaders.imageByRef.load(ref);
  return record ? containerImageModel(record) : null;
}

export const imageAppQueries: Pick<QueryResolvers, 'imageSoftware'> = {
  async imageSoftware(_root, { filter, first, after }, { loaders, staleFields }, info) {
    const query: ListGlobalImageAppsQuery = {};
    if (filter?.name != null) {
      if (filter.name.length > HSS_APP_NAME_MAX_LENGTH) {
        throw userInputError(`filter.name must be at most ${HSS_APP_NAME_MAX_LENGTH} characters.`);
      }
      if (filter.name !== '') query.app_name = filter.name;
    }
    if (filter?.imageKind != null) query.image_type = filter.imageKind;
    // HSS supports only `is_compliant=false`; "not only non-compliant" is the unfiltered list.
    if (filter?.nonCompliantOnly === true) query.is_compliant = false;
    const request = pageRequest(first, after, HSS_APPS_LIMITS);
    const page = noteIfStale(
      staleFields,
      info,
      await loaders.globalImageAppsPage.load({ ...query, offset: request.offset, limit: request.limit }),
    );
    const imageKind = query.image_type;
    const apps = page.data_list.map((app) => ({ source: 'global' as const, app, imageKind }));
    return pageOf(request, apps, page.total_num);
  },
};

export const ImageApp: ImageAppResolvers = {
  name: ({ app }) => app.app_name ?? '',
  type: ({ app }) => app.app_type || null,
  version: ({ app }) => app.app_version || null,
  vulnerabilityCount: ({ app }) => app.vul_num ?? null,
  path: (model) => (model.source === 'global' ? (model.app.app_path ?? null) : null),
  layerDigest: (model) => (model.source === 'global' ? (model.app.layer_digest ?? null) : null),
  compliant: (model) => (model.source === 'global' ? (model.app.is_compliant ?? null) : null),
  lastScannedAt: (model) => (model.source === 'global' ? timeOrNull(model.app.latest_scan_time) : null),
  image: (model, _args, context) => {
    if (model.source === 'image') return model.image;
    if (model.imageKind === 'cicd' || model.imageKind === 'local')
      return imageOfKindApp(model.app, model.imageKind, context);
    return imageOfGlobalApp(model.app, context);
  },
};
