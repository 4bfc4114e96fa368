/** One page of HSS ListRegistryImages per distinct query; every image it returns primes `imageByRef`. */
import type { HssClient } from '../upstream/clients';
import type { HssPage, HssRegistryImage, ListRegistryImagesQuery } from '../upstream/hss/types';
import { createCallLoader, type CallLoader } from './callLoader';

export type RegistryImagesPageLoader = CallLoader<ListRegistryImagesQuery, HssPage<HssRegistryImage>>;

export function createRegistryImagesPageLoader(
  hss: HssClient,
  signal: AbortSignal,
  onImagesSeen: (images: readonly HssRegistryImage[]) => void,
): RegistryImagesPageLoader {
  return createCallLoader(
    (query: ListRegistryImagesQuery) => hss.listRegistryImages(query, { signal }),
    (page) => onImagesSeen(page.data_list),
  );
}
