import { UpstreamError } from '../../../src/errors/upstreamError';
import { createHssClient } from '../../../src/upstream/hss/client';
import { fakeHandler } from '../helpers/fakeHandler';

const IMAGE = {
  id: 7,
  namespace: 'team',
  image_name: 'web',
  image_id: 'sha256:abc',
  image_digest: 'sha256:def',
  image_version: '1.0',
  image_type: 'private_image',
  registry_type: 'SwrPrivate',
  scan_status: 'success',
  latest_scan_time: 1700000000000,
  vul_num: 3,
  association_images: [{ image_name: 'web', image_version: '1.0-arm', image_digest: 'sha256:111' }],
};

function client(options: { enterpriseProjectId?: string } = {}) {
  const fake = fakeHandler({ body: { total_num: 0, data_list: [] } });
  const hss = createHssClient({
    handler: fake.handler,
    projectId: 'proj-1',
    region: 'cn-north-4',
    ...options,
  });
  return { fake, hss };
}

describe('HSS client', () => {
  it('builds the registry image list call: query strings, booleans lowercase, undefined dropped', async () => {
    const { fake, hss } = client({ enterpriseProjectId: 'all_granted_eps' });
    fake.answer({ body: { total_num: 1, data_list: [IMAGE] } });
    const page = await hss.listRegistryImages({
      limit: 50,
      offset: 0,
      latest_version: true,
      has_vul: false,
      namespace: undefined,
    });
    const [call] = fake.calls;
    expect(call).toMatchObject({
      service: 'hss',
      api: 'hss.listRegistryImages',
      method: 'GET',
      path: '/v5/proj-1/image/registries/images',
      query: {
        limit: '50',
        offset: '0',
        latest_version: 'true',
        has_vul: 'false',
        enterprise_project_id: 'all_granted_eps',
      },
      idempotent: true,
      cachePolicy: 'list',
      cacheTags: ['hss.registryImages'],
    });
    expect(call!.query).not.toHaveProperty('namespace');
    expect(page.total_num).toBe(1);
    expect(page.data_list[0]).toMatchObject({
      image_id: 'sha256:abc',
      registry_name: '',
      unsafe_setting_num: 0,
      scannable: false,
    });
    expect(page.data_list[0]!.association_images[0]).toMatchObject({ image_version: '1.0-arm', vul_num: 0 });
  });

  it('lets a query override the configured enterprise project', async () => {
    const { fake, hss } = client({ enterpriseProjectId: 'all_granted_eps' });
    await hss.listGlobalImageApps({ enterprise_project_id: '0', limit: 10 });
    expect(fake.calls[0]!.query.enterprise_project_id).toBe('0');
  });

  it('omits enterprise_project_id when none is configured', async () => {
    const { fake, hss } = client();
    await hss.listGlobalImageApps({ is_compliant: false, image_type: 'registry' });
    expect(fake.calls[0]!.query).toEqual({ is_compliant: 'false', image_type: 'registry' });
    expect(fake.calls[0]).toMatchObject({
      path: '/v5/proj-1/image/apps',
      cachePolicy: 'list',
      cacheTags: ['hss.globalApps'],
    });
  });

  it('resolves a lazy project id on first use', async () => {
    const fake = fakeHandler({ body: { total_num: 0, data_list: [] } });
    const projectId = jest.fn(async () => 'lazy-proj');
    const hss = createHssClient({ handler: fake.handler, projectId, region: 'cn-north-4' });
    expect(projectId).not.toHaveBeenCalled();
    await hss.listRegistryImages({});
    expect(fake.calls[0]!.path).toBe('/v5/lazy-proj/image/registries/images');
  });

  it('encodes the image id in per-image paths and caches apps as immutable only with a content version', async () => {
    const { fake, hss } = client();
    fake.answer({
      body: {
        total_num: 1,
        data_list: [{ app_name: 'openssl', app_type: 'RPM', app_version: '3', vul_num: 2 }],
      },
    });
    const query = {
      image_type: 'private_image' as const,
      namespace: 'team',
      image_name: 'web',
      tag_name: '1.0',
      limit: 10,
    };
    const apps = await hss.listImageApps('sha256:abc', query, { contentVersion: 1700000000000 });
    await hss.listImageApps('sha256:abc', query);
    expect(apps.data_list).toEqual([{ app_name: 'openssl', app_type: 'RPM', app_version: '3', vul_num: 2 }]);
    expect(fake.calls[0]).toMatchObject({
      path: '/v5/proj-1/image/sha256%3Aabc/apps',
      cachePolicy: 'immutable',
      cacheTags: ['hss.images', 'hss.image:sha256:abc', 'hss.imageRef:team/web:1.0'],
    });
    expect(fake.calls[1]!.cachePolicy).toBe('list');
  });

  it('sends the region header for files statistics, immutable unless noStore', async () => {
    const { fake, hss } = client();
    fake.answer({ body: { total_files_num: 12, total_files_size: 3400 } });
    const stat = await hss.showImageFilesStat('sha256:abc', { image_type: 'private_image' });
    await hss.showImageFilesStat('sha256:abc', { image_type: 'private_image' }, { noStore: true });
    expect(stat).toEqual({ total_files_num: 12, total_files_size: 3400 });
    expect(fake.calls[0]).toMatchObject({
      path: '/v5/proj-1/image/sha256%3Aabc/files-statistics',
      headers: { region: 'cn-north-4' },
      query: { image_type: 'private_image' },
      cachePolicy: 'immutable',
    });
    expect(fake.calls[1]).not.toHaveProperty('cachePolicy');
  });

  it('posts batch-scan as non-idempotent, uncached, invalidating lists and the scanned images', async () => {
    const { fake, hss } = client();
    const body = {
      image_type: 'private_image' as const,
      image_info_list: [{ namespace: 'team', image_name: 'web', image_version: '1.0' }],
    };
    await expect(hss.batchScanSwrImage(body)).resolves.toBeUndefined();
    const [call] = fake.calls;
    expect(call).toMatchObject({ method: 'POST', path: '/v5/proj-1/image/batch-scan', idempotent: false });
    expect(JSON.parse(call!.body!)).toEqual(body);
    expect(call).not.toHaveProperty('cachePolicy');
    expect(call!.invalidates).toEqual([
      'hss.registryImages',
      'hss.globalApps',
      'hss.vulnerabilities',
      'hss.imageRef:team/web:1.0',
    ]);

    await hss.batchScanSwrImage({ image_type: 'shared_image', operate_all: true });
    expect(fake.calls[1]!.invalidates).toEqual([
      'hss.registryImages',
      'hss.globalApps',
      'hss.vulnerabilities',
      'hss.images',
    ]);
  });

  it.each<[string, (hss: ReturnType<typeof client>['hss']) => Promise<unknown>]>([
    ['registry images limit 0', (hss) => hss.listRegistryImages({ limit: 0 })],
    ['registry images limit 201', (hss) => hss.listRegistryImages({ limit: 201 })],
    ['global apps limit 5', (hss) => hss.listGlobalImageApps({ limit: 5 })],
    ['offset above 2,000,000', (hss) => hss.listGlobalImageApps({ offset: 2_000_001 })],
    ['fractional limit', (hss) => hss.listImageApps('i', { image_type: 'cicd', limit: 10.5 })],
    ['app_name over 32 characters', (hss) => hss.listGlobalImageApps({ app_name: 'x'.repeat(33) })],
    ['batch-scan with nothing to scan', (hss) => hss.batchScanSwrImage({ image_type: 'private_image' })],
  ])('throws a TypeError before calling upstream for %s', async (_name, run) => {
    const { fake, hss } = client();
    await expect(run(hss)).rejects.toBeInstanceOf(TypeError);
    expect(fake.calls).toHaveLength(0);
  });

  it.each<[string, unknown]>([
    ['a non-object body', 'oops'],
    ['total_num as a string', { total_num: '1', data_list: [] }],
    ['data_list as an object', { total_num: 1, data_list: {} }],
    ['an item without image_id', { total_num: 1, data_list: [{ ...IMAGE, image_id: undefined }] }],
    ['a wrongly typed optional field', { total_num: 1, data_list: [{ ...IMAGE, vul_num: 'many' }] }],
  ])('rejects %s with UPSTREAM_BAD_RESPONSE', async (_name, body) => {
    const { fake, hss } = client();
    fake.answer({ body, requestId: 'req-1' });
    const error = (await hss.listRegistryImages({}).catch((e: unknown) => e)) as UpstreamError;
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error.code).toBe('UPSTREAM_BAD_RESPONSE');
    expect(error.details).toMatchObject({
      service: 'hss',
      api: 'hss.listRegistryImages',
      requestId: 'req-1',
    });
    expect(error.message).not.toContain('proj-1');
  });

  it('checks files statistics and app shapes too', async () => {
    const { fake, hss } = client();
    fake.answer({ body: { total_files_num: 1 } });
    await expect(hss.showImageFilesStat('i', { image_type: 'cicd' })).rejects.toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
    });
    fake.answer({ body: { total_num: 1, data_list: [{ app_name: 1 }] } });
    await expect(hss.listGlobalImageApps({})).rejects.toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
  });

  it('accepts a missing data_list on an empty page', async () => {
    const { fake, hss } = client();
    fake.answer({ body: { total_num: 0 } });
    await expect(hss.listGlobalImageApps({})).resolves.toEqual({ total_num: 0, data_list: [] });
  });
});
