/**
 * The reference operations (operations/*.graphql) against the real schema over fake clients: results
 * and the exact number of upstream calls each one costs (see src/loaders/README.md).
 */
import {
  makeApps,
  makeGlobalApp,
  makeImage,
  makeProductImage,
  makeRepo,
  makeRepositoryImages,
} from '../graphql/support/fixtures';
import { createFakeUpstream } from '../graphql/support/fakeUpstream';
import { operation, run } from '../graphql/support/execute';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('ImageDashboard', () => {
  // 4 repositories × 6 tags = 24 private images (the first page shows 20), plus images of other registries.
  const privateImages = ['api', 'web', 'worker', 'batch'].flatMap((name) =>
    makeRepositoryImages(6, { namespace: 'team-a', image_name: name, image_type: 'private_image' }),
  );
  const otherImages = [makeImage({ image_type: 'shared_image' }), makeImage({ image_type: 'harbor' })];
  const apps = Object.fromEntries(privateImages.map((image) => [image.image_id, makeApps(8)]));
  const repos = {
    self: [makeRepo({ namespace: 'team-a', name: 'api', tags: ['v1'] }), makeRepo({ name: 'other' })],
  };

  it('costs 1 list + 20 files-stats + 20 per-image apps + 1 SWR list = 42 calls', async () => {
    const upstream = createFakeUpstream({ images: [...privateImages, ...otherImages], apps, repos });
    const result = await run(upstream, operation('ImageDashboard'), {
      first: 20,
      filter: { type: 'PRIVATE' },
    });

    expect(result.errors).toBeUndefined();
    const connection = result.data?.['containerImages'] as Json;
    expect(connection['totalCount']).toBe(24);
    expect(connection['pageInfo'].hasNextPage).toBe(true);
    expect(connection['nodes']).toHaveLength(20);

    const first = connection['nodes'][0];
    expect(first).toMatchObject({
      imageId: privateImages[0]!.image_id,
      type: 'PRIVATE',
      namespace: 'team-a',
      name: 'api',
      tag: 'v1',
      sizeBytes: 3_000_000_000,
      scan: {
        status: 'SUCCESS',
        lastScannedAt: '2023-11-14T22:15:00.000Z',
        vulnerabilityCount: 3,
        maliciousFileCount: 0,
      },
      fileStatistics: { fileCount: 1200, totalSizeBytes: 2_500_000_000 },
      apps: {
        totalCount: 8,
        nodes: makeApps(5).map((app) => ({
          name: app.app_name,
          version: app.app_version,
          vulnerabilityCount: app.vul_num,
        })),
      },
      sharedRepository: { name: 'api', category: 'APP_SERVER', downloadCount: 3_000_000_000, tagCount: 1 },
    });
    // Only the `api` repository is shared by this account.
    const withRepo = (connection['nodes'] as Json[]).filter((node) => node['sharedRepository'] !== null);
    expect(withRepo).toHaveLength(6);

    expect(upstream.count('hss.listRegistryImages')).toBe(1);
    expect(upstream.callsOf('hss.listRegistryImages')[0]!.args[0]).toEqual({
      image_type: 'private_image',
      offset: 0,
      limit: 20,
    });
    expect(upstream.count('hss.showImageFilesStat')).toBe(20);
    expect(upstream.count('hss.listImageApps')).toBe(20);
    // HSS pages hold at least 10: `apps(first: 5)` asks for 10 and shows 5.
    expect(
      upstream.callsOf('hss.listImageApps').every((call) => (call.args[1] as Json)['limit'] === 10),
    ).toBe(true);
    expect(upstream.count('swr.listSharedRepositories')).toBe(1);
    expect(upstream.count()).toBe(42);
  });

  it('passes the request signal to every upstream call', async () => {
    const upstream = createFakeUpstream({ images: privateImages, apps, repos });
    await run(upstream, operation('ImageDashboard'), { first: 3 });
    expect(upstream.calls.length).toBeGreaterThan(0);
    expect(upstream.calls.every((call) => call.options?.signal instanceof AbortSignal)).toBe(true);
  });

  it('answers never-scanned images without asking HSS, and keys the others by their scan state', async () => {
    const scanned = makeImage({ image_name: 'scanned' });
    const unscanned = makeImage({
      image_name: 'fresh',
      scan_status: 'unscan',
      latest_scan_time: 0,
      severity_level: '',
    });
    // Scanned once, but the latest scan failed: its statistics are asked for, under that scan state.
    const failedRescan = makeImage({ image_name: 'rescan-failed', scan_status: 'failed' });
    const upstream = createFakeUpstream({
      images: [scanned, unscanned, failedRescan],
      apps: { [scanned.image_id]: makeApps(2), [failedRescan.image_id]: makeApps(1) },
    });
    const result = await run(upstream, operation('ImageDashboard'), {});
    const nodes = (result.data?.['containerImages'] as Json)['nodes'] as Json[];
    expect(nodes.map((node) => node['apps'].totalCount)).toEqual([2, 0, 1]);
    expect(nodes[1]!['scan'].lastScannedAt).toBeNull();
    expect(nodes[1]!['fileStatistics']).toBeNull();
    expect(result.errors).toBeUndefined();
    expect(upstream.count('hss.listImageApps')).toBe(2);
    const stats = upstream.callsOf('hss.showImageFilesStat');
    expect(stats.map((call) => [call.args[0], call.options?.contentVersion])).toEqual([
      [scanned.image_id, `success@${scanned.latest_scan_time}`],
      [failedRescan.image_id, `failed@${failedRescan.latest_scan_time}`],
    ]);
    expect(upstream.callsOf('hss.listImageApps')[0]!.options?.contentVersion).toBe(
      `success@${scanned.latest_scan_time}`,
    );
  });
});

describe('ImageDetail', () => {
  const image = makeImage({
    namespace: 'team-a',
    image_name: 'api',
    image_version: '1.4.2',
    scan_status: 'failed',
    scan_failed_code: 'download_failed',
    severity_level: 'High',
  });
  const sibling = makeImage({ namespace: 'team-a', image_name: 'api', image_version: '1.4.20' });
  const data = {
    images: [image, sibling],
    apps: { [image.image_id]: makeApps(60) },
    repos: {
      self: [makeRepo({ namespace: 'team-a', name: 'api', tags: ['1.4.2', '1.4.20'], status: false })],
    },
  };

  async function idOfImage(): Promise<string> {
    const upstream = createFakeUpstream(data);
    const result = await run(upstream, '{ containerImages(first: 5) { nodes { id tag } } }');
    const nodes = (result.data?.['containerImages'] as Json)['nodes'] as Json[];
    return nodes.find((node) => node['tag'] === '1.4.2')!['id'];
  }

  it('costs one call each: the image, its statistics, its software page, the SWR list', async () => {
    const id = await idOfImage();
    const upstream = createFakeUpstream(data);
    const result = await run(upstream, operation('ImageDetail'), { id, appsFirst: 50 });

    expect(result.errors).toBeUndefined();
    const detail = result.data?.['containerImage'] as Json;
    expect(detail).toMatchObject({
      id,
      imageId: image.image_id,
      reference: 'team-a/api:1.4.2',
      digest: image.image_digest,
      type: 'PRIVATE',
      updatedAt: '2023-11-14T22:13:20.000Z',
      scan: {
        status: 'FAILED',
        failureCode: 'DOWNLOAD_FAILED',
        severity: 'HIGH',
        unsafeSettingCount: 1,
        scannable: true,
      },
      fileStatistics: { fileCount: 1200 },
      sharedRepository: {
        name: 'api',
        namespace: 'team-a',
        shareValid: null,
        tags: ['1.4.2', '1.4.20'],
        createdAt: '2021-06-02T09:23:01.751Z',
        updatedAt: '2024-01-05T10:00:00.000Z',
      },
    });
    expect(detail['apps'].totalCount).toBe(60);
    expect(detail['apps'].edges).toHaveLength(50);
    expect(detail['apps'].pageInfo.hasNextPage).toBe(true);

    expect(upstream.callsOf('hss.listRegistryImages').map((call) => call.args[0])).toEqual([
      {
        image_type: 'private_image',
        namespace: 'team-a',
        image_name: 'api',
        image_version: '1.4.2',
        offset: 0,
        limit: 200,
      },
    ]);
    expect(upstream.count('hss.showImageFilesStat')).toBe(1);
    expect(upstream.count('hss.listImageApps')).toBe(1);
    expect(upstream.count('swr.listSharedRepositories')).toBe(1);
    expect(upstream.count()).toBe(4);

    const next = await run(createFakeUpstream(data), operation('ImageDetail'), {
      id,
      appsFirst: 50,
      appsAfter: detail['apps'].pageInfo.endCursor,
    });
    const rest = (next.data?.['containerImage'] as Json)['apps'];
    expect(rest.edges.map((edge: Json) => edge['node'].name)).toEqual(
      makeApps(60)
        .slice(50)
        .map((app) => app.app_name),
    );
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });
});

describe('SoftwareSearch', () => {
  const apiTags = makeRepositoryImages(3, { namespace: 'team-a', image_name: 'api' });
  const webTags = makeRepositoryImages(2, { namespace: 'team-b', image_name: 'web' });
  const shared = makeImage({ namespace: 'vendor', image_name: 'base', image_type: 'shared_image' });
  const images = [...apiTags, ...webTags, shared];
  const gone = makeImage({ namespace: 'team-a', image_name: 'api', image_version: 'deleted' });
  const globalApps = [
    ...images.map((image) => makeGlobalApp(image)),
    makeGlobalApp(gone),
    makeGlobalApp(gone, { image_type: 'Other', namespace: 'local', image_name: 'node-image' }),
    { app_name: 'openssl-libs', app_version: '3.0' },
  ];

  it('costs 1 global list + one registry list per distinct repository among the results', async () => {
    const upstream = createFakeUpstream({ images, globalApps });
    const result = await run(upstream, operation('SoftwareSearch'), {
      filter: { name: 'openssl' },
      first: 50,
    });

    expect(result.errors).toBeUndefined();
    const connection = result.data?.['imageSoftware'] as Json;
    expect(connection['totalCount']).toBe(globalApps.length);
    const nodes = connection['nodes'] as Json[];
    expect(nodes[0]).toMatchObject({
      name: 'openssl',
      type: 'RPM',
      version: '1.1.1k',
      vulnerabilityCount: 2,
      path: '/usr/lib64',
      layerDigest: 'sha256:layer',
      compliant: false,
      image: {
        reference: `team-a/api:v1`,
        type: 'PRIVATE',
        scan: { status: 'SUCCESS', vulnerabilityCount: 3 },
      },
    });
    expect(nodes[5]!['image']).toMatchObject({
      reference: 'vendor/base:' + shared.image_version,
      type: 'SHARED',
    });
    // The deleted tag, the non-registry item and the item without an image resolve to null, without errors.
    expect(nodes.slice(6).map((node) => node['image'])).toEqual([null, null, null]);

    expect(upstream.count('hss.listGlobalImageApps')).toBe(1);
    expect(upstream.callsOf('hss.listGlobalImageApps')[0]!.args[0]).toEqual({
      app_name: 'openssl',
      offset: 0,
      limit: 50,
    });
    expect(upstream.count('hss.listRegistryImages')).toBe(3);
    expect(upstream.count()).toBe(4);
  });
});

describe('SharedRepositories', () => {
  const big = makeRepo({
    namespace: 'vendor',
    name: 'base',
    tags: Array.from({ length: 13 }, (_, i) => `t${i + 1}`),
  });
  const small = makeRepo({ namespace: 'vendor', name: 'tools', tags: ['1.0', 'missing'] });
  const empty = makeRepo({ namespace: 'partner', name: 'sdk', tags: ['x'] });
  const images = [
    ...big.tags.slice(0, 12).map((tag) =>
      makeImage({
        namespace: 'vendor',
        image_name: 'base',
        image_version: tag,
        image_type: 'shared_image',
      }),
    ),
    makeImage({ namespace: 'vendor', image_name: 'tools', image_version: '1.0', image_type: 'shared_image' }),
    makeImage({
      namespace: 'vendor',
      image_name: 'tools',
      image_version: '1.0',
      image_type: 'private_image',
    }),
  ];

  it('costs 1 SWR list + one HSS list per repository + files-stats per shown image', async () => {
    const upstream = createFakeUpstream({ images, repos: { thirdparty: [big, small, empty] } });
    const result = await run(upstream, operation('SharedRepositories'), { center: 'THIRDPARTY', first: 20 });

    expect(result.errors).toBeUndefined();
    const connection = result.data?.['sharedRepositories'] as Json;
    expect(connection['totalCount']).toBe(3);
    const [bigNode, smallNode, emptyNode] = connection['nodes'] as Json[];
    expect(bigNode).toMatchObject({
      name: 'base',
      namespace: 'vendor',
      shareValid: true,
      category: 'APP_SERVER',
      sizeBytes: 5_000_000_000,
    });
    expect(bigNode!['images'].totalCount).toBe(12);
    expect(bigNode!['images'].nodes.map((node: Json) => node['tag'])).toEqual(big.tags.slice(0, 10));
    expect(smallNode!['images']).toEqual({
      totalCount: 1,
      nodes: [
        {
          tag: '1.0',
          scan: { status: 'SUCCESS', vulnerabilityCount: 3 },
          fileStatistics: { fileCount: 1200 },
        },
      ],
    });
    expect(emptyNode!['images']).toEqual({ totalCount: 0, nodes: [] });

    expect(upstream.count('swr.listSharedRepositories')).toBe(1);
    expect(upstream.count('hss.listRegistryImages')).toBe(3);
    expect(upstream.count('hss.showImageFilesStat')).toBe(11);
    expect(upstream.count()).toBe(15);
  });
});

describe('ProductImages', () => {
  it('costs one Workspace call with the filter mapped', async () => {
    const linux = makeProductImage();
    const windows = makeProductImage({ os_type: 'Windows', name: 'win' });
    const upstream = createFakeUpstream({ productImages: [linux, windows] });
    const result = await run(upstream, operation('ProductImages'), {
      filter: { type: 'GOLD', osType: 'Linux' },
      first: 20,
    });

    expect(result.errors).toBeUndefined();
    expect(result.data?.['productImages']).toEqual({
      totalCount: 1,
      pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
      nodes: [
        {
          id: expect.any(String),
          imageId: linux.id,
          name: linux.name,
          type: 'GOLD',
          osType: 'Linux',
          osVersion: 'EulerOS 2.5 64bit',
          architecture: 'x86',
          diskFormat: 'zvhd2',
          minRamMb: 0,
          minDiskGb: 80,
          productCode: 'OFFI8630',
          createdAt: '2023-03-01T08:00:00.000Z',
        },
      ],
    });
    expect(upstream.callsOf('workspace.listProductImages').map((call) => call.args[0])).toEqual([
      { image_type: 'gold', os_type: 'Linux', limit: 20, offset: 0 },
    ]);
    expect(upstream.count()).toBe(1);
  });
});

describe('ScanImages', () => {
  it('costs one batch-scan call for named images', async () => {
    const upstream = createFakeUpstream({});
    const input = { imageType: 'PRIVATE', images: [{ namespace: 'team-a', name: 'api', tag: '1.4.2' }] };
    const result = await run(upstream, operation('ScanImages'), { input });
    expect(result).toEqual({
      data: { scanImages: { accepted: true, requestedCount: 1 } },
      errors: undefined,
    });
    expect(upstream.callsOf('hss.batchScanSwrImage').map((call) => call.args[0])).toEqual([
      {
        image_type: 'private_image',
        image_info_list: [{ namespace: 'team-a', image_name: 'api', image_version: '1.4.2' }],
      },
    ]);
  });

  it('sends operate_all with the filter for `all`', async () => {
    const upstream = createFakeUpstream({});
    const result = await run(
      upstream,
      'mutation($input: ScanImagesInput!) { scanImages(input: $input) { accepted requestedCount imageType all } }',
      {
        input: {
          imageType: 'ENTERPRISE',
          all: true,
          filter: { namespace: 'team-a', scanStatus: 'FAILED', latestVersionOnly: true },
        },
      },
    );
    expect(result.data?.['scanImages']).toEqual({
      accepted: true,
      requestedCount: null,
      imageType: 'ENTERPRISE',
      all: true,
    });
    expect(upstream.callsOf('hss.batchScanSwrImage')[0]!.args[0]).toEqual({
      image_type: 'instance_image',
      operate_all: true,
      namespace: 'team-a',
      scan_status: 'failed',
      latest_version: true,
    });
  });

  it('makes no call on bad input', async () => {
    const upstream = createFakeUpstream({});
    const result = await run(upstream, operation('ScanImages'), {
      input: { imageType: 'HARBOR', all: true },
    });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(upstream.count()).toBe(0);
  });
});
