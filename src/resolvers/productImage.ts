/** `productImages` (Workspace) and the `ProductImage` fields. */
import type { ProductImageResolvers, QueryResolvers } from '../generated/graphql';
import { productImageId } from '../graphql/ids';
import { WORKSPACE_LIMITS, pageOf, pageRequest } from '../graphql/pagination';
import type { ListProductImagesQuery } from '../upstream/workspace/types';
import { noteIfStale } from '../graphql/staleFields';
import { timeOrNull } from './scalars';

export const productImageQueries: Pick<QueryResolvers, 'productImages'> = {
  async productImages(_root, { filter, first, after }, { loaders, staleFields }, info) {
    const query: ListProductImagesQuery = {};
    if (filter?.type != null) query.image_type = filter.type;
    if (filter?.osType) query.os_type = filter.osType;
    if (filter?.platform) query.platform = filter.platform;
    if (filter?.architecture) query.architecture = filter.architecture;
    if (filter?.packageType) query.package_type = filter.packageType;
    const request = pageRequest(first, after, WORKSPACE_LIMITS);
    const page = noteIfStale(
      staleFields,
      info,
      await loaders.productImages.load({ ...query, limit: request.limit, offset: request.offset }),
    );
    return pageOf(request, page.images, page.total_count);
  },
};

export const ProductImage: ProductImageResolvers = {
  id: (image) => productImageId(image.id),
  imageId: (image) => image.id,
  name: (image) => image.name,
  type: (image) => image.image_type,
  osType: (image) => image.os_type || null,
  osVersion: (image) => image.os_version || null,
  architecture: (image) => image.architecture || null,
  diskFormat: (image) => image.disk_format || null,
  minRamMb: (image) => image.min_ram ?? null,
  minDiskGb: (image) => image.min_disk ?? null,
  productCode: (image) => image.product_code || null,
  createdAt: (image) => timeOrNull(image.created_at),
};
