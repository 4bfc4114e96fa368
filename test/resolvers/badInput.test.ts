/** Every input rule: BAD_USER_INPUT, and not a single upstream call spent. */
import { containerImageId, productImageId, sharedRepositoryId } from '../../src/graphql/ids';
import { encodeCursor } from '../../src/graphql/pagination';
import { makeImage } from '../graphql/support/fixtures';
import { createFakeUpstream } from '../graphql/support/fakeUpstream';
import { errorCodes, operation, run } from '../graphql/support/execute';

const validImageId = containerImageId(
  { type: 'private_image', namespace: 'team-a', name: 'api', tag: 'v1' },
  'sha256:abc',
);

const cases: [string, string, Record<string, unknown>][] = [
  ['first above 200 on containerImages', '{ containerImages(first: 201) { totalCount } }', {}],
  ['first below 1 on containerImages', '{ containerImages(first: 0) { totalCount } }', {}],
  ['a forged cursor', '{ containerImages(after: "b2Zmc2V0OjE") { totalCount } }', {}],
  ['a cursor that is not base64url', '{ containerImages(after: "??") { totalCount } }', {}],
  [
    'a cursor past HSS offset range',
    `{ containerImages(after: "${encodeCursor(2_000_000)}") { totalCount } }`,
    {},
  ],
  [
    'an unfilterable scan status',
    '{ containerImages(filter: { scanStatus: DOWNLOAD_FAILED }) { totalCount } }',
    {},
  ],
  ['an invalid namespace filter', '{ containerImages(filter: { namespace: "Team A" }) { totalCount } }', {}],
  ['a too long tag filter', `{ containerImages(filter: { tag: "${'t'.repeat(65)}" }) { totalCount } }`, {}],
  ['containerImage with neither form', '{ containerImage { id } }', {}],
  ['containerImage with both forms', `{ containerImage(id: "${validImageId}", tag: "v1") { id } }`, {}],
  [
    'containerImage with a partial reference',
    '{ containerImage(type: PRIVATE, namespace: "a", name: "b") { id } }',
    {},
  ],
  [
    'containerImage with an invalid tag',
    '{ containerImage(type: PRIVATE, namespace: "a", name: "b", tag: "-x") { id } }',
    {},
  ],
  ['containerImage with a forged id', '{ containerImage(id: "Y2kxOlsicHJpdmF0ZV9pbWFnZSJd") { id } }', {}],
  ["containerImage with another type's id", `{ containerImage(id: "${productImageId('abc')}") { id } }`, {}],
  ['node with garbage', '{ node(id: "not an id") { id } }', {}],
  [
    'imageSoftware name over 32 characters',
    `{ imageSoftware(filter: { name: "${'x'.repeat(33)}" }) { totalCount } }`,
    {},
  ],
  ['imageSoftware first above 200', '{ imageSoftware(first: 500) { totalCount } }', {}],
  [
    'sharedRepositories first above 100',
    '{ sharedRepositories(center: SELF, first: 101) { totalCount } }',
    {},
  ],
  [
    'sharedRepositories namespace over 64',
    `{ sharedRepositories(center: SELF, filter: { namespace: "${'n'.repeat(65)}" }) { totalCount } }`,
    {},
  ],
  ['productImages first above 100', '{ productImages(first: 101) { totalCount } }', {}],
  ['productImages negative first', '{ productImages(first: -1) { totalCount } }', {}],
  ['scanImages with neither images nor all', operation('ScanImages'), { input: { imageType: 'PRIVATE' } }],
  [
    'scanImages with all: false only',
    operation('ScanImages'),
    { input: { imageType: 'PRIVATE', all: false } },
  ],
  [
    'scanImages with both',
    operation('ScanImages'),
    { input: { imageType: 'PRIVATE', all: true, images: [{ namespace: 'a', name: 'b', tag: 'c' }] } },
  ],
  ['scanImages with an empty list', operation('ScanImages'), { input: { imageType: 'PRIVATE', images: [] } }],
  [
    'scanImages with 101 images',
    operation('ScanImages'),
    {
      input: {
        imageType: 'PRIVATE',
        images: Array.from({ length: 101 }, (_, i) => ({ namespace: 'a', name: 'b', tag: `t${i}` })),
      },
    },
  ],
  [
    'scanImages of JFrog',
    operation('ScanImages'),
    { input: { imageType: 'JFROG', images: [{ namespace: 'a', name: 'b', tag: 'c' }] } },
  ],
  [
    'scanImages with an invalid image',
    operation('ScanImages'),
    { input: { imageType: 'SHARED', images: [{ namespace: 'a', name: 'B!', tag: 'c' }] } },
  ],
  [
    'scanImages with a filter but no all',
    operation('ScanImages'),
    {
      input: {
        imageType: 'PRIVATE',
        images: [{ namespace: 'a', name: 'b', tag: 'c' }],
        filter: { namespace: 'a' },
      },
    },
  ],
  [
    'scanImages filtering WAITING_FOR_SCAN',
    operation('ScanImages'),
    { input: { imageType: 'PRIVATE', all: true, filter: { scanStatus: 'WAITING_FOR_SCAN' } } },
  ],
  [
    'scanImages with an unknown enum value',
    operation('ScanImages'),
    { input: { imageType: 'NOPE', all: true } },
  ],
];

describe('bad input', () => {
  it.each(cases)('%s → BAD_USER_INPUT, no upstream call', async (_name, query, variables) => {
    const upstream = createFakeUpstream({});
    const result = await run(upstream, query, variables);
    expect(errorCodes(result)).toContain('BAD_USER_INPUT');
    expect(upstream.count()).toBe(0);
  });

  it('rejects apps(first: 201) after the one list call, asking HSS nothing for the apps', async () => {
    const upstream = createFakeUpstream({ images: [makeImage()] });
    const result = await run(
      upstream,
      '{ containerImages { nodes { tag apps(first: 201) { totalCount } } } }',
    );
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.data?.['containerImages']).toEqual({ nodes: [{ tag: expect.any(String), apps: null }] });
    expect(upstream.count()).toBe(1);
  });

  it('rejects a shared-repository id with an invalid center, also through node', async () => {
    const forged = Buffer.from('sr1:["elsewhere","team-a","api"]').toString('base64url');
    const upstream = createFakeUpstream({});
    const result = await run(upstream, `{ node(id: "${forged}") { id } }`);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(sharedRepositoryId('self', 'team-a', 'api')).not.toBe(forged);
    expect(upstream.count()).toBe(0);
  });
});
