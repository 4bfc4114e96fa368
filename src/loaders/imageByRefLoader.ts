/**
 * Registry images by reference (type + namespace + name + tag). HSS cannot fetch one image by id, only list
 * images filtered by namespace/name/tag, so keys are batched per repository: a repository asked for one
 * tag costs one list filtered by that tag; several tags cost one repository-wide list (limit 200, paged
 * further only for bigger repositories). HSS filters may match loosely, so results are matched exactly.
 * Every image listed (here or by any other list in the request) is primed, so it is never fetched again.
 */
import DataLoader from 'dataloader';
import type { HssClient } from '../upstream/clients';
import type { HssRegistryImage, ListRegistryImagesQuery } from '../upstream/hss/types';
import { refOfImage, type ImageRefKey } from '../domain/imageScan';
import { HSS_REGISTRY_IMAGES_RANGE } from '../upstream/facts';
import { withRemainingPages } from './remainingPages';
import { asError } from './settle';
import { dispatchBatch } from './batchSchedule';

export type { ImageRefKey };

export type ImageByRefLoader = DataLoader<ImageRefKey, HssRegistryImage | null, string>;

function repositoryKey(ref: Omit<ImageRefKey, 'tag'>): string {
  return JSON.stringify([ref.type, ref.namespace, ref.name]);
}

export function imageRefKey(ref: ImageRefKey): string {
  return JSON.stringify([ref.type, ref.namespace, ref.name, ref.tag]);
}

/** Pages through one filtered list: the first call says how many exist, the rest are fetched together. */
async function listAll(
  hss: HssClient,
  query: ListRegistryImagesQuery,
  signal: AbortSignal,
): Promise<readonly HssRegistryImage[]> {
  const limit = HSS_REGISTRY_IMAGES_RANGE.maxLimit;
  const page = async (offset: number) => {
    const result = await hss.listRegistryImages({ ...query, offset, limit }, { signal });
    return { items: result.data_list, total: result.total_num };
  };
  return withRemainingPages(await page(0), limit, page);
}

export function primeImages(loader: ImageByRefLoader, images: readonly HssRegistryImage[]): void {
  for (const image of images) loader.prime(refOfImage(image), image);
}

export function createImageByRefLoader(hss: HssClient, signal: AbortSignal): ImageByRefLoader {
  const loader: ImageByRefLoader = new DataLoader<ImageRefKey, HssRegistryImage | null, string>(
    async (refs) => {
      const tagsByRepository = new Map<string, { ref: ImageRefKey; tags: Set<string> }>();
      for (const ref of refs) {
        const key = repositoryKey(ref);
        const group = tagsByRepository.get(key) ?? { ref, tags: new Set<string>() };
        group.tags.add(ref.tag);
        tagsByRepository.set(key, group);
      }
      const found = new Map<string, HssRegistryImage | Error>();
      await Promise.all(
        [...tagsByRepository.values()].map(async ({ ref, tags }) => {
          const onlyTag = tags.size === 1 ? [...tags][0] : undefined;
          const query: ListRegistryImagesQuery = {
            image_type: ref.type,
            namespace: ref.namespace,
            image_name: ref.name,
            ...(onlyTag !== undefined ? { image_version: onlyTag } : {}),
          };
          try {
            const images = (await listAll(hss, query, signal)).filter(
              (image) =>
                image.image_type === ref.type &&
                image.namespace === ref.namespace &&
                image.image_name === ref.name,
            );
            primeImages(loader, images);
            for (const image of images) found.set(imageRefKey(refOfImage(image)), image);
          } catch (error) {
            for (const tag of tags) found.set(imageRefKey({ ...ref, tag }), asError(error));
          }
        }),
      );
      return refs.map((ref) => found.get(imageRefKey(ref)) ?? null);
    },
    { batchScheduleFn: dispatchBatch, cacheKeyFn: imageRefKey },
  );
  return loader;
}
