import { createLoaders } from '../../src/loaders';
import { makeImage, makeRepositoryImages } from '../graphql/support/fixtures';
import { createFakeUpstream } from '../graphql/support/fakeUpstream';

const signal = new AbortController().signal;

describe('imageByRef loader', () => {
  it('batches every tag of a repository into one repository-wide list, and matches exactly', async () => {
    const api = makeRepositoryImages(5, { namespace: 'team-a', image_name: 'api' });
    const apiGateway = makeRepositoryImages(2, { namespace: 'team-a', image_name: 'api-gateway' });
    const upstream = createFakeUpstream({ images: [...api, ...apiGateway] });
    const { imageByRef } = createLoaders(upstream.clients, signal);

    const results = await Promise.all([
      imageByRef.load({ type: 'private_image', namespace: 'team-a', name: 'api', tag: 'v1' }),
      imageByRef.load({ type: 'private_image', namespace: 'team-a', name: 'api', tag: 'v3' }),
      imageByRef.load({ type: 'private_image', namespace: 'team-a', name: 'api', tag: 'missing' }),
      imageByRef.load({ type: 'private_image', namespace: 'team-a', name: 'api-gateway', tag: 'v2' }),
      imageByRef.load({ type: 'shared_image', namespace: 'team-a', name: 'api', tag: 'v1' }),
    ]);

    expect(results.map((image) => image?.image_id ?? null)).toEqual([
      api[0]!.image_id,
      api[2]!.image_id,
      null,
      apiGateway[1]!.image_id,
      null,
    ]);
    expect(upstream.callsOf('hss.listRegistryImages').map((call) => call.args[0])).toEqual([
      { image_type: 'private_image', namespace: 'team-a', image_name: 'api', offset: 0, limit: 200 },
      {
        image_type: 'private_image',
        namespace: 'team-a',
        image_name: 'api-gateway',
        image_version: 'v2',
        offset: 0,
        limit: 200,
      },
      {
        image_type: 'shared_image',
        namespace: 'team-a',
        image_name: 'api',
        image_version: 'v1',
        offset: 0,
        limit: 200,
      },
    ]);
  });

  it('pages further through a repository with more than 200 tags', async () => {
    const many = makeRepositoryImages(450, { namespace: 'big', image_name: 'repo' });
    const upstream = createFakeUpstream({ images: many });
    const { imageByRef } = createLoaders(upstream.clients, signal);
    const found = await Promise.all(
      ['v1', 'v250', 'v450'].map((tag) =>
        imageByRef.load({ type: 'private_image', namespace: 'big', name: 'repo', tag }),
      ),
    );
    expect(found.map((image) => image?.image_version)).toEqual(['v1', 'v250', 'v450']);
    expect(
      upstream.callsOf('hss.listRegistryImages').map((call) => (call.args[0] as { offset: number }).offset),
    ).toEqual([0, 200, 400]);
  });

  it('is primed by every image a list returned, and by the other tags of a repository it fetched', async () => {
    const images = makeRepositoryImages(3, { namespace: 'team-a', image_name: 'api' });
    const upstream = createFakeUpstream({ images });
    const loaders = createLoaders(upstream.clients, signal);

    await loaders.registryImagesPage.load({ limit: 2, offset: 0 });
    const listed = await loaders.imageByRef.load({
      type: 'private_image',
      namespace: 'team-a',
      name: 'api',
      tag: 'v2',
    });
    expect(listed).toBe(images[1]);
    expect(upstream.count()).toBe(1);

    await loaders.imageByRef.loadMany([
      { type: 'private_image', namespace: 'team-a', name: 'api', tag: 'v3' },
      { type: 'private_image', namespace: 'team-a', name: 'api', tag: 'nope' },
    ]);
    expect(upstream.count()).toBe(2);
  });

  it('fails only the keys of the repository whose call failed', async () => {
    const good = makeImage({ namespace: 'ok', image_name: 'repo', image_version: '1' });
    const upstream = createFakeUpstream({ images: [good] });
    const { imageByRef } = createLoaders(upstream.clients, signal);
    const original = upstream.clients.hss.listRegistryImages;
    upstream.clients.hss.listRegistryImages = (query, options) =>
      query.namespace === 'bad' ? Promise.reject(new Error('down')) : original(query, options);
    const results = await imageByRef.loadMany([
      { type: 'private_image', namespace: 'ok', name: 'repo', tag: '1' },
      { type: 'private_image', namespace: 'bad', name: 'repo', tag: '1' },
    ]);
    expect(results[0]).toBe(good);
    expect(results[1]).toBeInstanceOf(Error);
  });
});
