/** The CI/CD and node-local image calls of the fake HSS client (see fakeUpstream.ts), over in-memory records. */
import type { CallOptions } from '../../../src/upstream/clients';
import type { HssCicdImage, HssLocalImage } from '../../../src/upstream/hss/imageKindsTypes';
import type { HssImageKindsClient } from '../../../src/upstream/hss/imageKindsClient';
import type { HssImageApp, HssImageFilesStat, HssPage } from '../../../src/upstream/hss/types';

export interface FakeImageKindsData {
  cicdImages?: HssCicdImage[];
  localImages?: HssLocalImage[];
  /** Software per CI/CD or local image id. */
  kindApps?: { [imageId: string]: HssImageApp[] };
}

export type ImageKindsMethod =
  | 'hss.listCicdImages'
  | 'hss.listImageLocal'
  | 'hss.listCicdImageApps'
  | 'hss.listLocalImageAppInfo'
  | 'hss.showCicdImageFilesStat';

type Recorder = <T>(
  method: ImageKindsMethod,
  args: unknown[],
  options: CallOptions | undefined,
  run: () => T,
) => Promise<T>;

function page<T>(items: T[], offset = 0, limit = 10): HssPage<T> {
  return { total_num: items.length, data_list: items.slice(offset, offset + limit) };
}

export function fakeImageKinds(data: FakeImageKindsData, record: Recorder): HssImageKindsClient {
  const appsOf = (imageId: string, offset?: number, limit?: number) =>
    page(data.kindApps?.[imageId] ?? [], offset, limit);
  return {
    listCicdImages: (query, options) =>
      record('hss.listCicdImages', [query], options, () =>
        page(
          (data.cicdImages ?? []).filter(
            (image) =>
              (query.image_id === undefined || image.image_id === query.image_id) &&
              (query.namespace === undefined || image.namespace === query.namespace) &&
              (query.image_name === undefined || image.image_name === query.image_name) &&
              (query.pipeline_type === undefined || image.pipeline_type === query.pipeline_type),
          ),
          query.offset,
          query.limit,
        ),
      ),
    listImageLocal: (query, options) =>
      record('hss.listImageLocal', [query], options, () =>
        page(
          (data.localImages ?? []).filter(
            (image) => query.image_name === undefined || image.image_name.includes(query.image_name),
          ),
          query.offset,
          query.limit,
        ),
      ),
    listCicdImageApps: (imageId, query, options) =>
      record('hss.listCicdImageApps', [imageId, query], options, () =>
        appsOf(imageId, query.offset, query.limit),
      ),
    listLocalImageAppInfo: (imageId, query, options) =>
      record('hss.listLocalImageAppInfo', [imageId, query], options, () =>
        appsOf(imageId, query.offset, query.limit),
      ),
    showCicdImageFilesStat: (imageId, options) =>
      record('hss.showCicdImageFilesStat', [imageId], options, (): HssImageFilesStat => ({
        total_files_num: 10,
        total_files_size: 1000,
      })),
  };
}
