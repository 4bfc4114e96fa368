import type { GraphQLError } from 'graphql';
import {
  containerImageId,
  decodeGlobalId,
  decodeIdOf,
  productImageId,
  sharedRepositoryId,
} from '../../src/graphql/ids';

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return (error as GraphQLError).extensions?.['code'];
  }
  return 'no error';
}

function forge(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

describe('global ids', () => {
  it('round-trip every kind', () => {
    const ref = { type: 'harbor' as const, namespace: 'library', name: 'team/nginx', tag: '1.25.3-alpine' };
    expect(decodeGlobalId(containerImageId(ref, 'sha256:0b08'))).toEqual({
      kind: 'ContainerImage',
      ...ref,
      imageId: 'sha256:0b08',
    });
    expect(decodeGlobalId(sharedRepositoryId('thirdparty', 'vendor', 'base'))).toEqual({
      kind: 'SharedRepository',
      center: 'thirdparty',
      namespace: 'vendor',
      name: 'base',
    });
    const uuid = '0b8d6a2c-1f0e-4c55-9a3b-000000000001';
    expect(decodeGlobalId(productImageId(uuid))).toEqual({ kind: 'ProductImage', imageId: uuid });
  });

  it('are opaque url-safe strings', () => {
    expect(
      containerImageId({ type: 'private_image', namespace: 'a', name: 'b', tag: 'c' }, 'sha256:1'),
    ).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('refuse an id of another kind where one kind is expected', () => {
    expect(codeOf(() => decodeIdOf(productImageId('abc'), 'ContainerImage'))).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'a+b/c='],
    ['non-canonical base64 (padding)', `${productImageId('abc')}=`],
    ['no prefix', forge('["abc"]')],
    ['unknown prefix', forge('xx1:["abc"]')],
    ['unknown version', forge('ci2:["private_image","a","b","c","sha256:1"]')],
    ['not JSON', forge('pi1:abc')],
    ['not an array', forge('pi1:{"id":"abc"}')],
    ['non-string member', forge('pi1:[1]')],
    ['wrong arity', forge('ci1:["private_image","a","b","c"]')],
    ['unknown image type', forge('ci1:["local_image","a","b","c","sha256:1"]')],
    ['upper-case namespace', forge('ci1:["private_image","Team","b","c","sha256:1"]')],
    ['namespace with a slash', forge('ci1:["private_image","a/b","b","c","sha256:1"]')],
    ['namespace over 128', forge(`ci1:["private_image","${'a'.repeat(129)}","b","c","sha256:1"]`)],
    ['name with a space', forge('ci1:["private_image","a","b c","c","sha256:1"]')],
    ['tag starting with a dot', forge('ci1:["private_image","a","b",".c","sha256:1"]')],
    ['tag over 64', forge(`ci1:["private_image","a","b","${'t'.repeat(65)}","sha256:1"]`)],
    ['image id with a query string', forge('ci1:["private_image","a","b","c","sha256:1?x=1"]')],
    ['unknown share center', forge('sr1:["all","a","b"]')],
    ['workspace id with a slash', forge('pi1:["../admin"]')],
    ['oversized', 'A'.repeat(2000)],
  ])('reject %s with BAD_USER_INPUT', (_what, id) => {
    expect(codeOf(() => decodeGlobalId(id))).toBe('BAD_USER_INPUT');
  });
});
