/**
 * The baseline's CI/CD images, written the same straightforward way as its registry images: one list,
 * then files statistics and software per image, whatever its scan state.
 */
import type { HssCicdImage } from '../../src/upstream/hss/imageKindsTypes';
import type { BaselineContext } from './dataSources';
import { connection, encodeId, offsetAfter, pageSize, resolvers } from './resolvers';

type Args = Record<string, unknown>;

export const cicdResolvers = {
  Query: {
    async cicdImages(_: unknown, args: Args, ctx: BaselineContext) {
      const first = pageSize(args.first, 200);
      const offset = offsetAfter(args.after);
      const filter = (args.filter ?? {}) as Record<string, unknown>;
      const page = await ctx.dataSources.hss.listCicdImages({
        pipeline_type: filter.pipelineType
          ? (String(filter.pipelineType).toLowerCase() as 'jenkins')
          : undefined,
        limit: Math.max(10, first),
        offset,
      });
      return connection(page.data_list.slice(0, first), offset, page.total_num);
    },
  },

  CicdImage: {
    id: (image: HssCicdImage) => encodeId(['CicdImage', image.image_id]),
    imageId: (image: HssCicdImage) => image.image_id,
    kind: () => 'CICD',
    reference: (image: HssCicdImage) => `${image.namespace}/${image.image_name}:${image.image_version}`,
    pipelineName: (image: HssCicdImage) => image.cicd_name || null,
    pipelineType: (image: HssCicdImage) => (image.pipeline_type ? image.pipeline_type.toUpperCase() : null),
    latestVersion: (image: HssCicdImage) => image.latest_version,
    updatedAt: (image: HssCicdImage) => image.latest_update_time || null,
    // The scan fields have the registry images' names.
    scan: (image: HssCicdImage) =>
      resolvers.ContainerImage.scan({ ...image, scannable: true } as unknown as Parameters<
        typeof resolvers.ContainerImage.scan
      >[0]),

    async fileStatistics(image: HssCicdImage, _: Args, ctx: BaselineContext) {
      const stats = await ctx.dataSources.hss.showImageFilesStat(image.image_id, { image_type: 'cicd' });
      return { fileCount: stats.total_files_num, totalSizeBytes: stats.total_files_size };
    },

    async apps(image: HssCicdImage, args: Args, ctx: BaselineContext) {
      const first = pageSize(args.first, 200);
      const offset = offsetAfter(args.after);
      const page = await ctx.dataSources.hss.listImageApps(image.image_id, {
        image_type: 'cicd',
        limit: Math.max(10, first),
        offset,
      });
      return connection(page.data_list.slice(0, first), offset, page.total_num);
    },
  },
};
