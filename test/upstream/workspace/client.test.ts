import { createWorkspaceClient } from '../../../src/upstream/workspace/client';
import { fakeHandler } from '../helpers/fakeHandler';

const IMAGE = {
  id: '6f1e0d9c-0000-4000-8000-000000000001',
  image_type: 'gold',
  os_type: 'Windows',
  os_version: 'Windows Server 2019',
  disk_format: 'zvhd2',
  name: 'Workspace-Win2019',
  min_ram: 0,
  min_disk: 80,
  product_code: 'wks-1',
};

describe('Workspace client', () => {
  it('builds the product image list call and defaults SDK-only fields', async () => {
    const fake = fakeHandler({ body: { images: [IMAGE], total_count: 1 } });
    const workspace = createWorkspaceClient({ handler: fake.handler, projectId: 'proj/1' });
    const page = await workspace.listProductImages({
      image_type: 'gold',
      limit: 100,
      offset: 0,
      platform: undefined,
    });
    expect(fake.calls[0]).toMatchObject({
      service: 'workspace',
      api: 'workspace.listProductImages',
      path: '/v2/proj%2F1/images',
      query: { image_type: 'gold', limit: '100', offset: '0' },
      idempotent: true,
      cachePolicy: 'list',
    });
    expect(page.total_count).toBe(1);
    expect(page.images[0]).toMatchObject({ ...IMAGE, architecture: 'x86', created_at: '', kms_id: '' });
  });

  it.each<[string, unknown]>([
    ['missing total_count', { images: [] }],
    ['images not an array', { images: {}, total_count: 0 }],
    ['an image without an id', { images: [{ ...IMAGE, id: undefined }], total_count: 1 }],
    ['min_disk as a string', { images: [{ ...IMAGE, min_disk: '80' }], total_count: 1 }],
  ])('rejects %s with UPSTREAM_BAD_RESPONSE', async (_name, body) => {
    const fake = fakeHandler({ body });
    await expect(
      createWorkspaceClient({ handler: fake.handler, projectId: 'p' }).listProductImages({}),
    ).rejects.toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
      details: { service: 'workspace', api: 'workspace.listProductImages' },
    });
  });

  it('throws a TypeError for limit above 100', async () => {
    const fake = fakeHandler();
    await expect(
      createWorkspaceClient({ handler: fake.handler, projectId: 'p' }).listProductImages({ limit: 101 }),
    ).rejects.toBeInstanceOf(TypeError);
    expect(fake.calls).toHaveLength(0);
  });
});
