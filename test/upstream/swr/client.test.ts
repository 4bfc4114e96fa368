import { createSwrClient } from '../../../src/upstream/swr/client';
import { fakeHandler } from '../helpers/fakeHandler';

const REPO = {
  name: 'nginx',
  category: 'app_server',
  description: '',
  size: 1024,
  is_public: false,
  num_images: 2,
  num_download: 5,
  created_at: '2021-06-02T09:23:01.751202Z',
  updated_at: '2021-06-02T09:23:01.751202Z',
  logo: '',
  url: '',
  path: 'swr.cn-north-4.myhuaweicloud.com/team/nginx',
  internal_path: '10.0.0.1:20202/team/nginx',
  domain_name: 'acme',
  namespace: 'team',
  tags: ['1.0', 'latest'],
  status: true,
  total_range: 57,
};

describe('SWR client', () => {
  it('sends center, limit and offset as separate query parameters and reads total_range', async () => {
    const fake = fakeHandler({ body: [REPO] });
    const swr = createSwrClient({ handler: fake.handler });
    const page = await swr.listSharedRepositories({
      center: 'thirdparty',
      limit: 10,
      offset: 20,
      name: undefined,
    });
    expect(fake.calls[0]).toMatchObject({
      service: 'swr',
      api: 'swr.listSharedRepositories',
      method: 'GET',
      path: '/v2/manage/shared-repositories',
      query: { center: 'thirdparty', limit: '10', offset: '20' },
      idempotent: true,
      cachePolicy: 'list',
    });
    expect(fake.calls[0]!.query).not.toHaveProperty('name');
    expect(page).toEqual({ items: [REPO], total: 57 });
  });

  it('falls back to the Content-Range total when elements carry no total_range', async () => {
    const { total_range: _omit, ...withoutTotal } = REPO;
    const fake = fakeHandler({ body: [withoutTotal], headers: { 'content-range': '20-1/21' } });
    const page = await createSwrClient({ handler: fake.handler }).listSharedRepositories({
      center: 'self',
      limit: 10,
      offset: 20,
    });
    expect(page.total).toBe(21);
    expect(page.items[0]!.total_range).toBe(21);
  });

  it('reports 0 for an empty list, or the Content-Range total past the end', async () => {
    const fake = fakeHandler({ body: [] });
    const swr = createSwrClient({ handler: fake.handler });
    await expect(swr.listSharedRepositories({ center: 'self', limit: 10, offset: 0 })).resolves.toEqual({
      items: [],
      total: 0,
    });
    fake.answer({ body: [], headers: { 'content-range': '30-0/25' } });
    await expect(swr.listSharedRepositories({ center: 'self', limit: 10, offset: 30 })).resolves.toEqual({
      items: [],
      total: 25,
    });
  });

  it.each<[string, unknown, Record<string, string>]>([
    ['an object instead of an array', { repos: [] }, {}],
    ['an element without a name', [{ ...REPO, name: undefined }], {}],
    ['tags that are not strings', [{ ...REPO, tags: [1] }], {}],
    ['no total anywhere', [{ ...REPO, total_range: undefined }], {}],
  ])('rejects %s with UPSTREAM_BAD_RESPONSE', async (_name, body, headers) => {
    const fake = fakeHandler({ body, headers });
    await expect(
      createSwrClient({ handler: fake.handler }).listSharedRepositories({
        center: 'self',
        limit: 10,
        offset: 0,
      }),
    ).rejects.toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', details: { service: 'swr' } });
  });

  it('throws a TypeError for an out-of-range limit', async () => {
    const fake = fakeHandler();
    await expect(
      createSwrClient({ handler: fake.handler }).listSharedRepositories({
        center: 'self',
        limit: 0,
        offset: 0,
      }),
    ).rejects.toBeInstanceOf(TypeError);
    expect(fake.calls).toHaveLength(0);
  });
});
