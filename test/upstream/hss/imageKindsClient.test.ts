import { UpstreamError } from '../../../src/errors/upstreamError';
import { createHssClient } from '../../../src/upstream/hss/client';
import { fakeHandler } from '../helpers/fakeHandler';

const CICD_IMAGE = {
  image_id: '111',
  cicd_name: 'api-ci',
  namespace: 'team-a',
  image_name: 'api',
  image_version: '1.0.3',
  scan_status: 'success',
  latest_scan_time: 1_700_000_000_000,
  pipeline_type: 'jenkins',
};
const LOCAL_IMAGE = {
  image_id: 'sha256:abc',
  image_name: 'nginx',
  image_version: '1.25',
  scan_status: 'waiting',
  host_num: 2,
};

function client() {
  const fake = fakeHandler({ body: { total_num: 0, data_list: [] } });
  const hss = createHssClient({ handler: fake.handler, projectId: 'proj-1', region: 'cn-north-4' });
  return { fake, hss };
}

describe('HSS client: CI/CD and node-local images', () => {
  it('lists CI/CD images with the list cache policy and fills documented-optional fields', async () => {
    const { fake, hss } = client();
    fake.answer({ body: { total_num: 1, data_list: [CICD_IMAGE] } });
    const page = await hss.listCicdImages({ limit: 10, offset: 0, pipeline_type: 'jenkins' });
    expect(fake.calls[0]).toMatchObject({
      api: 'hss.listCicdImages',
      path: '/v5/proj-1/image/cicd/images',
      query: { limit: '10', offset: '0', pipeline_type: 'jenkins' },
      cachePolicy: 'list',
    });
    expect(page.data_list[0]).toMatchObject({
      ...CICD_IMAGE,
      image_digest: '',
      vul_num: 0,
      severity_level: '',
    });
  });

  it('lists node-local images and keeps their own scan status vocabulary', async () => {
    const { fake, hss } = client();
    fake.answer({ body: { total_num: 1, data_list: [LOCAL_IMAGE] } });
    const page = await hss.listImageLocal({ image_name: 'nginx', limit: 200 });
    expect(fake.calls[0]).toMatchObject({
      api: 'hss.listImageLocal',
      path: '/v5/proj-1/image/local-repositories',
      query: { image_name: 'nginx', limit: '200' },
      cachePolicy: 'list',
    });
    expect(page.data_list[0]).toMatchObject({ scan_status: 'waiting', host_num: 2, container_num: 0 });
  });

  it('asks files statistics of a CI/CD image by id only, with image_type=cicd and the region header', async () => {
    const { fake, hss } = client();
    fake.answer({ body: { total_files_num: 11, total_files_size: 11 } });
    const stat = await hss.showCicdImageFilesStat('111', { contentVersion: 5 });
    expect(stat).toEqual({ total_files_num: 11, total_files_size: 11 });
    const [call] = fake.calls;
    expect(call).toMatchObject({
      api: 'hss.showImageFilesStat',
      path: '/v5/proj-1/image/111/files-statistics',
      headers: { region: 'cn-north-4' },
      cachePolicy: 'immutable',
    });
    expect(call!.query).toEqual({ image_type: 'cicd' });
    await hss.showCicdImageFilesStat('111', { noStore: true });
    expect(fake.calls[1]!.cachePolicy).toBeUndefined();
  });

  it('asks software by image id: CI/CD through ListImageApps, local through ListLocalImageAppInfo', async () => {
    const { fake, hss } = client();
    await hss.listCicdImageApps('111', { limit: 10, offset: 0 }, { contentVersion: 7 });
    await hss.listLocalImageAppInfo('sha256:abc', { limit: 20, app_name: 'ssl' });
    expect(fake.calls[0]).toMatchObject({
      api: 'hss.listImageApps',
      path: '/v5/proj-1/image/111/apps',
      query: { image_type: 'cicd', limit: '10', offset: '0' },
      cachePolicy: 'immutable',
    });
    expect(fake.calls[0]!.query).not.toHaveProperty('namespace');
    expect(fake.calls[1]).toMatchObject({
      api: 'hss.listLocalImageAppInfo',
      path: '/v5/proj-1/image/local/apps',
      query: { image_id: 'sha256:abc', limit: '20', app_name: 'ssl' },
      cachePolicy: 'list',
    });
  });

  it('refuses out-of-range paging and over-long names before any call', async () => {
    const { fake, hss } = client();
    await expect(hss.listCicdImages({ limit: 5 })).rejects.toThrow(TypeError);
    await expect(hss.listImageLocal({ limit: 201 })).rejects.toThrow(TypeError);
    await expect(hss.listCicdImages({ cicd_name: 'x'.repeat(129) })).rejects.toThrow(TypeError);
    await expect(hss.listLocalImageAppInfo('', {})).rejects.toThrow(TypeError);
    expect(fake.calls).toHaveLength(0);
  });

  it.each([
    ['a CI/CD image without image_id', 'cicd', { ...CICD_IMAGE, image_id: undefined }],
    ['a local image with a non-numeric host count', 'local', { ...LOCAL_IMAGE, host_num: 'two' }],
  ])('rejects %s with UPSTREAM_BAD_RESPONSE', async (_what, kind, item) => {
    const { fake, hss } = client();
    fake.answer({ body: { total_num: 1, data_list: [item] } });
    const call = kind === 'cicd' ? hss.listCicdImages({}) : hss.listImageLocal({});
    const error = (await call.catch((e: unknown) => e)) as UpstreamError;
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error.code).toBe('UPSTREAM_BAD_RESPONSE');
  });
});
