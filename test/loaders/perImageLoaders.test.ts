import { createLoaders } from '../../src/loaders';
import { makeApps, makeImage } from '../graphql/support/fixtures';
import { createFakeUpstream } from '../graphql/support/fakeUpstream';

const signal = new AbortController().signal;

describe('filesStatistics loader', () => {
  it('calls once per distinct image, with the image reference, keyed by scan state whatever the state', async () => {
    const scanned = makeImage();
    const failed = makeImage({ scan_status: 'failed' });
    const upstream = createFakeUpstream({
      filesStats: { [scanned.image_id]: { total_files_num: 7, total_files_size: 9 } },
    });
    const { filesStatistics } = createLoaders(upstream.clients, signal);

    const [a, b] = await Promise.all([
      filesStatistics.load(scanned),
      filesStatistics.load(failed),
      filesStatistics.load({ ...scanned }),
    ]);
    expect(a).toEqual({ total_files_num: 7, total_files_size: 9 });
    expect(b).toBeDefined();
    expect(upstream.callsOf('hss.showImageFilesStat').map((call) => [call.args, call.options])).toEqual([
      [
        [
          scanned.image_id,
          {
            image_type: 'private_image',
            namespace: scanned.namespace,
            image_name: scanned.image_name,
            tag_name: scanned.image_version,
          },
        ],
        { signal, contentVersion: `success@${scanned.latest_scan_time}` },
      ],
      [
        [
          failed.image_id,
          {
            image_type: 'private_image',
            namespace: failed.namespace,
            image_name: failed.image_name,
            tag_name: failed.image_version,
          },
        ],
        { signal, contentVersion: `failed@${failed.latest_scan_time}` },
      ],
    ]);
  });
});

describe('imageApps loader', () => {
  it('keys by image, page and name filter, with the scan state as content version', async () => {
    const image = makeImage();
    const upstream = createFakeUpstream({ apps: { [image.image_id]: makeApps(30) } });
    const { imageApps } = createLoaders(upstream.clients, signal);

    const [page1, again, page2, named] = await Promise.all([
      imageApps.load({ image, offset: 0, limit: 10 }),
      imageApps.load({ image, offset: 0, limit: 10 }),
      imageApps.load({ image, offset: 10, limit: 10 }),
      imageApps.load({ image, offset: 0, limit: 10, appName: 'pkg-2' }),
    ]);
    expect(page1).toBe(again);
    expect(page1.data_list[0]?.app_name).toBe('pkg-1');
    expect(page2.data_list[0]?.app_name).toBe('pkg-11');
    expect(named.total_num).toBe(11);
    expect(upstream.count()).toBe(3);
    expect(
      upstream.calls.every((call) => call.options?.contentVersion === `success@${image.latest_scan_time}`),
    ).toBe(true);
  });

  it('answers an empty list for a never-scanned image without calling HSS', async () => {
    const upstream = createFakeUpstream({});
    const { imageApps } = createLoaders(upstream.clients, signal);
    const page = await imageApps.load({
      image: makeImage({ latest_scan_time: 0, scan_status: 'unscan' }),
      offset: 0,
      limit: 10,
    });
    expect(page).toEqual({ total_num: 0, data_list: [] });
    expect(upstream.count()).toBe(0);
  });
});

describe('page loaders', () => {
  it('make each distinct query once, whatever the key order', async () => {
    const upstream = createFakeUpstream({ images: [makeImage()] });
    const loaders = createLoaders(upstream.clients, signal);
    await Promise.all([
      loaders.registryImagesPage.load({ image_type: 'private_image', limit: 20, offset: 0 }),
      loaders.registryImagesPage.load({
        offset: 0,
        limit: 20,
        image_type: 'private_image',
        namespace: undefined,
      }),
      loaders.registryImagesPage.load({ image_type: 'private_image', limit: 20, offset: 20 }),
      loaders.globalImageAppsPage.load({ limit: 10, offset: 0 }),
      loaders.globalImageAppsPage.load({ offset: 0, limit: 10 }),
      loaders.productImages.load({ limit: 5, offset: 0 }),
    ]);
    expect(upstream.count('hss.listRegistryImages')).toBe(2);
    expect(upstream.count('hss.listGlobalImageApps')).toBe(1);
    expect(upstream.count('workspace.listProductImages')).toBe(1);
  });

  it('are separate per request', async () => {
    const upstream = createFakeUpstream({});
    await createLoaders(upstream.clients, signal).productImages.load({ limit: 5, offset: 0 });
    await createLoaders(upstream.clients, signal).productImages.load({ limit: 5, offset: 0 });
    expect(upstream.count()).toBe(2);
  });
});
