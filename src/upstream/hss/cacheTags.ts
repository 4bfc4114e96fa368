/** Cache tags of HSS results, shared by the client (which tags and invalidates) and anyone who needs to purge. */
export const HSS_TAGS = {
  registryImages: 'hss.registryImages',
  globalApps: 'hss.globalApps',
  /** The vulnerability-centric lists (which images have what): a scan changes them. */
  vulnerabilities: 'hss.vulnerabilities',
  /** Every per-image result (apps, files statistics): purged by a scan of "all" images. */
  anyImage: 'hss.images',
  image: (imageId: string) => `hss.image:${imageId}`,
  /** Per-image results also carry the image reference, since batch-scan names images by reference only. */
  imageRef: (namespace: string, imageName: string, tag: string) =>
    `hss.imageRef:${namespace}/${imageName}:${tag}`,
} as const;
