/** containerImage / node lookups: one call, exact match, NOT_FOUND when gone; ids round-trip. */
import { containerImageId, productImageId, sharedRepositoryId } from '../../src/graphql/ids';
import { makeImage, makeProductImage, makeRepo } from '../graphql/support/fixtures';
import { createFakeUpstream } from '../graphql/support/fakeUpstream';
import { errorCodes, run } from '../graphql/support/execute';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const image = makeImage({ namespace: 'team-a', image_name: 'api', image_version: '1.0' });
// HSS filters loosely; the gateway must not take `1.0.1` for `1.0`.
const lookalike = makeImage({ namespace: 'team-a', image_name: 'api', image_version: '1.0.1' });

describe('containerImage', () => {
  it('finds an image by reference with one filtered call', async () => {
    const upstream = createFakeUpstream({ images: [lookalike, image] });
    const result = await run(
      upstream,
      '{ containerImage(type: PRIVATE, namespace: "team-a", name: "api", tag: "1.0") { imageId reference } }',
    );
    expect(result.data?.['containerImage']).toEqual({ imageId: image.image_id, reference: 'team-a/api:1.0' });
    expect(upstream.count()).toBe(1);
  });

  it('returns null with NOT_FOUND when no such image exists', async () => {
    const upstream = createFakeUpstream({ images: [lookalike] });
    const result = await run(
      upstream,
      '{ containerImage(type: PRIVATE, namespace: "team-a", name: "api", tag: "1.0") { id } }',
    );
    expect(result.data).toEqual({ containerImage: null });
    expect(errorCodes(result)).toEqual(['NOT_FOUND']);
    expect(upstream.count()).toBe(1);
  });

  it('treats an id whose tag now points at other content as not found', async () => {
    const id = containerImageId(
      { type: 'private_image', namespace: 'team-a', name: 'api', tag: '1.0' },
      'sha256:old',
    );
    const upstream = createFakeUpstream({ images: [image] });
    const result = await run(upstream, `{ containerImage(id: "${id}") { id } }`);
    expect(errorCodes(result)).toEqual(['NOT_FOUND']);
  });

  it('round-trips its id through containerImage(id:) and node(id:)', async () => {
    const listed = await run(createFakeUpstream({ images: [image] }), '{ containerImages { nodes { id } } }');
    const id = ((listed.data?.['containerImages'] as Json)['nodes'] as Json[])[0]!['id'] as string;
    const upstream = createFakeUpstream({ images: [image] });
    const result = await run(
      upstream,
      `{ a: containerImage(id: "${id}") { id tag } b: node(id: "${id}") { __typename id ... on ContainerImage { tag } } }`,
    );
    expect(result.data).toEqual({
      a: { id, tag: '1.0' },
      b: { __typename: 'ContainerImage', id, tag: '1.0' },
    });
    // Both fields share one loader key: one HSS call.
    expect(upstream.count()).toBe(1);
  });
});

describe('node', () => {
  it('loads a shared repository with one SWR list filtered by its namespace and name (exact match)', async () => {
    const repo = makeRepo({ namespace: 'vendor', name: 'base' });
    const upstream = createFakeUpstream({
      repos: { thirdparty: [makeRepo({ namespace: 'vendor', name: 'base-x' }), repo] },
    });
    const id = sharedRepositoryId('thirdparty', 'vendor', 'base');
    const result = await run(
      upstream,
      `{ node(id: "${id}") { __typename id ... on SharedRepository { name center shareValid } } }`,
    );
    expect(result.data?.['node']).toEqual({
      __typename: 'SharedRepository',
      id,
      name: 'base',
      center: 'THIRDPARTY',
      shareValid: true,
    });
    expect(upstream.callsOf('swr.listSharedRepositories').map((call) => call.args[0])).toEqual([
      { center: 'thirdparty', namespace: 'vendor', name: 'base', limit: 100, offset: 0 },
    ]);
  });

  it('loads a product image by its Workspace id', async () => {
    const image = makeProductImage();
    const upstream = createFakeUpstream({ productImages: [makeProductImage(), image] });
    const id = productImageId(image.id);
    const result = await run(
      upstream,
      `{ node(id: "${id}") { __typename id ... on ProductImage { imageId } } }`,
    );
    expect(result.data?.['node']).toEqual({ __typename: 'ProductImage', id, imageId: image.id });
    expect(upstream.count()).toBe(1);
  });

  it.each([
    ['a shared repository', sharedRepositoryId('self', 'team-a', 'gone')],
    ['a product image', productImageId('gone')],
    [
      'a container image',
      containerImageId({ type: 'harbor', namespace: 'p', name: 'gone', tag: '1' }, 'sha256:1'),
    ],
  ])('returns null with NOT_FOUND for %s that no longer exists', async (_what, id) => {
    const upstream = createFakeUpstream({});
    const result = await run(upstream, `{ node(id: "${id}") { id } }`);
    expect(result.data).toEqual({ node: null });
    expect(errorCodes(result)).toEqual(['NOT_FOUND']);
    expect(upstream.count()).toBe(1);
  });
});
