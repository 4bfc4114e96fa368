/** A failing upstream call nulls only the field that needed it, with the stable code in extensions. */
import { UpstreamError } from '../../src/errors/upstreamError';
import { makeImage, makeRepo } from '../graphql/support/fixtures';
import { createFakeUpstream, type Method } from '../graphql/support/fakeUpstream';
import { operation, run } from '../graphql/support/execute';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const images = [makeImage({ image_name: 'api' }), makeImage({ image_name: 'web' })];
const repos = { self: [makeRepo({ name: 'api' })] };

function rateLimited(api: string): UpstreamError {
  return new UpstreamError(
    'UPSTREAM_RATE_LIMITED',
    'throttled at https://hss.example/v5/0123456789abcdef/image',
    {
      service: api.startsWith('swr') ? 'swr' : 'hss',
      api,
      status: 429,
      errorCode: 'APIGW.0308',
      errorMessage: 'policy user over ratelimit',
      requestId: 'req-429',
      retryAfterMs: 12_000,
    },
  );
}

describe.each<[Method, string]>([
  ['hss.showImageFilesStat', 'fileStatistics'],
  ['hss.listImageApps', 'apps'],
  ['swr.listSharedRepositories', 'sharedRepository'],
])('when %s fails', (method, field) => {
  it(`nulls only ${field} of each image, with UPSTREAM_RATE_LIMITED`, async () => {
    const upstream = createFakeUpstream({ images, repos });
    upstream.fail(method, rateLimited(method));
    const result = await run(upstream, operation('ImageDashboard'), {});

    const nodes = (result.data?.['containerImages'] as Json)['nodes'] as Json[];
    expect(nodes).toHaveLength(2);
    for (const node of nodes) {
      expect(node[field]).toBeNull();
      expect(node['scan'].status).toBe('SUCCESS');
    }
    // The first image (`api`) has a shared repository, so every join but the failing one is served.
    const untouched = ['fileStatistics', 'apps', 'sharedRepository'].filter((other) => other !== field);
    for (const other of untouched) expect(nodes[0]![other]).not.toBeNull();

    expect(result.errors?.length).toBeGreaterThan(0);
    for (const error of result.errors ?? []) {
      expect(error.path?.[error.path.length - 1]).toBe(field);
      expect(error.extensions).toEqual({
        code: 'UPSTREAM_RATE_LIMITED',
        retryAfterMs: 12_000,
        upstream: {
          service: method.split('.')[0],
          status: 429,
          errorCode: 'APIGW.0308',
          requestId: 'req-429',
        },
      });
      expect(error.message).not.toMatch(/https?:|0123456789abcdef|ratelimit/);
    }
  });
});

it('a failing root list nulls the response with the upstream code', async () => {
  const upstream = createFakeUpstream({ images });
  upstream.fail(
    'hss.listRegistryImages',
    new UpstreamError('UPSTREAM_UNAVAILABLE', 'boom', {
      service: 'hss',
      api: 'hss.listRegistryImages',
      status: 503,
    }),
  );
  const result = await run(upstream, operation('ImageDashboard'), {});
  expect(result.data).toBeNull();
  expect(result.errors?.map((error) => error.extensions?.['code'])).toEqual(['UPSTREAM_UNAVAILABLE']);
});

it('a failing HSS lookup nulls only the image of each software item', async () => {
  const upstream = createFakeUpstream({
    images,
    globalApps: [
      {
        app_name: 'openssl',
        image_type: 'SwrPrivate',
        namespace: 'team-a',
        image_name: 'api',
        image_version: images[0]!.image_version,
      },
    ],
  });
  upstream.fail('hss.listRegistryImages', rateLimited('hss.listRegistryImages'));
  const result = await run(upstream, operation('SoftwareSearch'), {});
  const nodes = (result.data?.['imageSoftware'] as Json)['nodes'] as Json[];
  expect(nodes).toEqual([expect.objectContaining({ name: 'openssl', image: null })]);
  expect(result.errors?.map((error) => [error.path, error.extensions?.['code']])).toEqual([
    [['imageSoftware', 'nodes', 0, 'image'], 'UPSTREAM_RATE_LIMITED'],
  ]);
});

it('a failing HSS lookup nulls only the images of each shared repository', async () => {
  const upstream = createFakeUpstream({ repos: { thirdparty: [makeRepo()] } });
  upstream.fail('hss.listRegistryImages', rateLimited('hss.listRegistryImages'));
  const result = await run(upstream, operation('SharedRepositories'), { center: 'THIRDPARTY' });
  const nodes = (result.data?.['sharedRepositories'] as Json)['nodes'] as Json[];
  expect(nodes).toEqual([expect.objectContaining({ name: 'api', images: null })]);
  expect(result.errors?.map((error) => error.extensions?.['code'])).toEqual(['UPSTREAM_RATE_LIMITED']);
});
