/**
 * Every reference operation, over HTTP, against the simulator: correct data, and exactly the minimum
 * upstream calls documented in src/loaders/README.md (the simulator counts them per route).
 */
import { operation, serviceCalls, startStack, type Stack } from './harness';
import type { Dashboard } from './support/dashboard';

// A fresh gateway and simulator per test: call counts are of a cold gateway (no cache, no token).
let stack: Stack;
beforeEach(async () => {
  stack = await startStack({ simulator: { imageCount: 400, seed: 7 } });
});
afterEach(() => stack.close());

describe('ImageDashboard', () => {
  it('returns 20 private images with their joins for the minimum upstream calls', async () => {
    const dataset = stack.simulator.control.dataset;
    const response = await stack.query<Dashboard>(operation('ImageDashboard'), {
      first: 20,
      filter: { type: 'PRIVATE' },
    });

    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    const page = response.body.data!.containerImages;
    expect(page.nodes).toHaveLength(20);
    expect(page.pageInfo.hasNextPage).toBe(page.totalCount > 20);

    let scanned = 0;
    for (const node of page.nodes) {
      const record = dataset.findImage({
        type: 'private_image',
        namespace: node.namespace,
        name: node.name,
        tag: node.tag,
      });
      expect(record).toBeDefined();
      expect(node.type).toBe('PRIVATE');
      expect(node.imageId).toBe(record!.image_id);
      expect(node.sizeBytes).toBe(record!.image_size);
      expect(node.scan.vulnerabilityCount).toBe(record!.vul_num);
      const stats = dataset.filesStat(record!.image_id);
      expect(node.fileStatistics).toEqual({
        fileCount: stats.total_files_num,
        totalSizeBytes: stats.total_files_size,
      });
      const apps = dataset.appsOfImage(record!.image_id);
      expect(node.apps!.totalCount).toBe(apps.length);
      expect(node.apps!.nodes.map((app) => app.name)).toEqual(apps.slice(0, 5).map((app) => app.app_name));
      if (record!.latest_scan_time > 0) scanned += 1;
      const shared = dataset
        .sharedRepositories('self')
        .find((repo) => repo.namespace === node.namespace && repo.name === node.name);
      expect(node.sharedRepository?.pullPath ?? null).toBe(shared?.path ?? null);
    }

    // The gateway counts what each operation cost, in /metrics and the operation log.
    const metrics = await stack.gateway.registry.getSingleMetricAsString('gateway_operation_upstream_calls');
    const sent = Object.values(serviceCalls(stack.calls())).reduce((sum, count) => sum + count, 0);
    expect(metrics).toContain(`gateway_operation_upstream_calls_sum{operation="ImageDashboard"} ${sent}`);

    const selfRepos = dataset.sharedRepositories('self').length;
    expect(serviceCalls(stack.calls())).toEqual({
      'hss.listRegistryImages': 1,
      // Never-scanned images cost neither call: HSS has no statistics or software for them.
      ...(scanned > 0 && { 'hss.showImageFilesStat': scanned, 'hss.listImageApps': scanned }),
      'swr.listSharedRepositories': Math.max(1, Math.ceil(selfRepos / 100)),
    });
  });

  it('costs no upstream call when loaded again within the TTLs, whatever the scan states on the page', async () => {
    const variables = { first: 20, filter: { type: 'PRIVATE' } };
    const first = await stack.query<Dashboard>(operation('ImageDashboard'), variables);
    stack.resetCalls();
    const again = await stack.query<Dashboard>(operation('ImageDashboard'), variables);
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data).toEqual(first.body.data);
    // What HSS answers for an image is a function of its scan state, so every state is cached under it.
    const states = new Set(first.body.data!.containerImages.nodes.map((node) => node.scan.status));
    expect(states.size).toBeGreaterThan(1);
    expect(serviceCalls(stack.calls())).toEqual({});
  });
});

describe('ImageDetail', () => {
  it('opens a dashboard row by its id with four upstream calls', async () => {
    const list = await stack.query<Dashboard>(operation('ImageDashboard'), {
      first: 50,
      filter: { type: 'SHARED' },
    });
    const row = list.body.data!.containerImages.nodes.find((node) => node.scan.status === 'SUCCESS')!;
    expect(row).toBeDefined();
    // The id opens the image on any gateway (a cold one here), since it carries what the lookup needs.
    const fresh = await startStack({ simulator: { imageCount: 400, seed: 7 } });
    try {
      const detail = await fresh.query<{
        containerImage: {
          id: string;
          reference: string;
          digest: string;
          type: string;
          scan: { status: string; scannable: boolean };
          fileStatistics: { fileCount: number };
          apps: {
            totalCount: number;
            pageInfo: { hasNextPage: boolean };
            edges: { cursor: string; node: { name: string } }[];
          };
          sharedRepository: {
            name: string;
            namespace: string;
            ownerDomain: string;
            shareValid: boolean | null;
            tags: string[];
          };
        };
      }>(operation('ImageDetail'), { id: row.id, appsFirst: 50 });

      expect(detail.body.errors).toBeUndefined();
      const image = detail.body.data!.containerImage;
      expect(image.id).toBe(row.id);
      expect(image.reference).toBe(`${row.namespace}/${row.name}:${row.tag}`);
      expect(image.type).toBe('SHARED');
      const record = fresh.simulator.control.dataset.findImage({
        type: 'shared_image',
        namespace: row.namespace,
        name: row.name,
        tag: row.tag,
      })!;
      expect(image.digest).toBe(record.image_digest);
      const apps = fresh.simulator.control.dataset.appsOfImage(record.image_id);
      expect(image.apps.totalCount).toBe(apps.length);
      expect(image.apps.edges).toHaveLength(Math.min(50, apps.length));
      expect(image.apps.pageInfo.hasNextPage).toBe(apps.length > 50);
      expect(image.sharedRepository.tags).toContain(row.tag);
      expect(typeof image.sharedRepository.shareValid).toBe('boolean');
      expect(serviceCalls(fresh.calls())).toEqual({
        'hss.listRegistryImages': 1,
        'hss.showImageFilesStat': 1,
        'hss.listImageApps': 1,
        // One SWR list filtered by the image's namespace and name, whatever the center's size.
        'swr.listSharedRepositories': 1,
      });
    } finally {
      await fresh.close();
    }
  });
});

describe('SoftwareSearch', () => {
  it('finds software across images and resolves each image with one list per repository', async () => {
    const response = await stack.query<{
      imageSoftware: {
        totalCount: number;
        nodes: {
          name: string;
          path: string | null;
          layerDigest: string | null;
          compliant: boolean | null;
          image: { id: string; reference: string; type: string; scan: { status: string } } | null;
        }[];
      };
    }>(operation('SoftwareSearch'), { filter: { name: 'openssl' }, first: 50 });

    expect(response.body.errors).toBeUndefined();
    const result = response.body.data!.imageSoftware;
    expect(result.totalCount).toBeGreaterThan(0);
    expect(result.nodes.length).toBe(Math.min(50, result.totalCount));
    for (const app of result.nodes) {
      expect(app.name.toLowerCase()).toContain('openssl');
      expect(app.layerDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
    const resolved = result.nodes.filter((app) => app.image !== null);
    expect(resolved.length).toBeGreaterThan(0);
    const repositories = new Set(
      resolved.map((app) => `${app.image!.type}/${app.image!.reference.replace(/:[^:]+$/, '')}`),
    );
    const calls = serviceCalls(stack.calls());
    expect(calls['hss.listGlobalImageApps']).toBe(1);
    expect(calls['hss.listRegistryImages']).toBeLessThanOrEqual(
      repositories.size + (result.nodes.length - resolved.length),
    );
    expect(calls['hss.listRegistryImages']).toBeGreaterThanOrEqual(repositories.size);
  });
});

describe('SharedRepositories', () => {
  it('lists repositories shared with this account with their tags as images', async () => {
    const response = await stack.query<{
      sharedRepositories: {
        totalCount: number;
        nodes: {
          name: string;
          namespace: string;
          tagCount: number;
          tags: string[];
          shareValid: boolean | null;
          images: {
            totalCount: number;
            nodes: { tag: string; scan: { status: string }; fileStatistics: { fileCount: number } | null }[];
          } | null;
        }[];
      };
    }>(operation('SharedRepositories'), { center: 'THIRDPARTY', first: 20 });

    expect(response.body.errors).toBeUndefined();
    const dataset = stack.simulator.control.dataset;
    const page = response.body.data!.sharedRepositories;
    expect(page.totalCount).toBe(dataset.sharedRepositories('thirdparty').length);
    let shownImages = 0;
    for (const repo of page.nodes) {
      expect(repo.tagCount).toBe(repo.tags.length);
      expect(repo.images!.totalCount).toBe(repo.tags.length);
      expect(repo.images!.nodes.map((image) => image.tag)).toEqual(repo.tags.slice(0, 10));
      for (const image of repo.images!.nodes) {
        const record = dataset.findImage({
          type: 'shared_image',
          namespace: repo.namespace,
          name: repo.name,
          tag: image.tag,
        })!;
        // Statistics are asked for only for images HSS has scanned at least once.
        expect(image.fileStatistics === null).toBe(record.latest_scan_time === 0);
        if (record.latest_scan_time > 0) shownImages += 1;
      }
    }
    expect(serviceCalls(stack.calls())).toEqual({
      'swr.listSharedRepositories': 1,
      'hss.listRegistryImages': page.nodes.length,
      'hss.showImageFilesStat': shownImages,
    });
  });
});

describe('ProductImages', () => {
  it('lists Workspace gold Linux images with one call', async () => {
    const response = await stack.query<{
      productImages: {
        totalCount: number;
        nodes: { imageId: string; type: string; osType: string; createdAt: string }[];
      };
    }>(operation('ProductImages'), { filter: { type: 'GOLD', osType: 'Linux' }, first: 20 });
    expect(response.body.errors).toBeUndefined();
    const expected = stack.simulator.control.dataset
      .productImages()
      .filter((image) => image.image_type === 'gold' && image.os_type === 'Linux');
    const page = response.body.data!.productImages;
    expect(page.totalCount).toBe(expected.length);
    expect(page.nodes.map((node) => node.imageId)).toEqual(expected.slice(0, 20).map((image) => image.id));
    for (const node of page.nodes) {
      expect(node).toMatchObject({ type: 'GOLD', osType: 'Linux' });
      expect(new Date(node.createdAt).toISOString()).toBe(node.createdAt);
    }
    expect(serviceCalls(stack.calls())).toEqual({ 'workspace.listProductImages': 1 });
  });
});

describe('ScanImages', () => {
  it('asks HSS to scan the named images with one call and reports what it asked for', async () => {
    const image = stack.simulator.control.dataset.getImage(0);
    const imageType = { private_image: 'PRIVATE', shared_image: 'SHARED', instance_image: 'ENTERPRISE' }[
      image.image_type as 'private_image'
    ];
    const response = await stack.query(operation('ScanImages'), {
      input: {
        imageType: imageType ?? 'PRIVATE',
        images: [{ namespace: image.namespace, name: image.image_name, tag: image.image_version }],
      },
    });
    expect(response.body).toEqual({ data: { scanImages: { accepted: true, requestedCount: 1 } } });
    expect(serviceCalls(stack.calls())).toEqual({ 'hss.batchScanSwrImage': 1 });
  });

  it('refuses input that names no images and makes no upstream call', async () => {
    const response = await stack.query(operation('ScanImages'), { input: { imageType: 'PRIVATE' } });
    expect(response.body.data).toBeNull();
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(serviceCalls(stack.calls())).toEqual({});
  });
});
