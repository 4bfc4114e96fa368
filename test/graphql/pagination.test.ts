import type { GraphQLError } from 'graphql';
import {
  HSS_APPS_LIMITS,
  HSS_REGISTRY_IMAGES_LIMITS,
  SWR_LIMITS,
  WORKSPACE_LIMITS,
  decodeCursor,
  edgesOf,
  encodeCursor,
  pageInfoOf,
  pageOf,
  pageRequest,
  slicePage,
} from '../../src/graphql/pagination';

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return (error as GraphQLError).extensions?.['code'];
  }
  return 'no error';
}

describe('cursors', () => {
  it('round-trip absolute offsets', () => {
    for (const offset of [0, 1, 19, 200, 2_000_000]) expect(decodeCursor(encodeCursor(offset))).toBe(offset);
  });

  it.each([
    ['empty', ''],
    ['garbage', '!!!'],
    ['another prefix', Buffer.from('x:5').toString('base64url')],
    ['negative', Buffer.from('o:-1').toString('base64url')],
    ['leading zero', Buffer.from('o:05').toString('base64url')],
    ['fraction', Buffer.from('o:1.5').toString('base64url')],
    ['unsafe integer', Buffer.from('o:99999999999999999').toString('base64url')],
    ['padded', `${encodeCursor(5)}=`],
  ])('reject %s', (_what, cursor) => {
    expect(codeOf(() => decodeCursor(cursor))).toBe('BAD_USER_INPUT');
  });
});

describe('pageRequest', () => {
  it('defaults to the first 20', () => {
    expect(pageRequest(undefined, undefined, HSS_REGISTRY_IMAGES_LIMITS)).toEqual({
      offset: 0,
      first: 20,
      limit: 20,
    });
    expect(pageRequest(null, null, WORKSPACE_LIMITS)).toEqual({ offset: 0, first: 20, limit: 20 });
  });

  it('continues after the cursor', () => {
    expect(pageRequest(10, encodeCursor(19), SWR_LIMITS)).toEqual({ offset: 20, first: 10, limit: 10 });
  });

  it('asks HSS apps for at least 10 and shows first', () => {
    expect(pageRequest(5, undefined, HSS_APPS_LIMITS)).toEqual({ offset: 0, first: 5, limit: 10 });
    expect(pageRequest(1, undefined, HSS_REGISTRY_IMAGES_LIMITS)).toEqual({ offset: 0, first: 1, limit: 1 });
  });

  it.each([
    ['HSS registry images', HSS_REGISTRY_IMAGES_LIMITS, 200],
    ['HSS apps', HSS_APPS_LIMITS, 200],
    ['SWR', SWR_LIMITS, 100],
    ['Workspace', WORKSPACE_LIMITS, 100],
  ])('bounds first for %s to 1–%i', (_api, limits, max) => {
    expect(pageRequest(max, undefined, limits).first).toBe(max);
    expect(codeOf(() => pageRequest(max + 1, undefined, limits))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => pageRequest(0, undefined, limits))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => pageRequest(-3, undefined, limits))).toBe('BAD_USER_INPUT');
  });

  it('refuses offsets HSS cannot serve', () => {
    expect(pageRequest(10, encodeCursor(1_999_999), HSS_APPS_LIMITS).offset).toBe(2_000_000);
    expect(codeOf(() => pageRequest(10, encodeCursor(2_000_000), HSS_APPS_LIMITS))).toBe('BAD_USER_INPUT');
  });
});

describe('pages, edges and pageInfo', () => {
  const letters = ['a', 'b', 'c', 'd', 'e'];

  it('maps a first page', () => {
    const page = pageOf({ offset: 0, first: 2, limit: 2 }, ['a', 'b'], 5);
    expect(edgesOf(page)).toEqual([
      { cursor: encodeCursor(0), node: 'a' },
      { cursor: encodeCursor(1), node: 'b' },
    ]);
    expect(pageInfoOf(page)).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: encodeCursor(0),
      endCursor: encodeCursor(1),
    });
  });

  it('maps a middle and a last page', () => {
    const middle = pageOf({ offset: 2, first: 2, limit: 2 }, ['c', 'd'], 5);
    expect(pageInfoOf(middle)).toMatchObject({
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: encodeCursor(2),
    });
    const last = pageOf({ offset: 4, first: 2, limit: 2 }, ['e'], 5);
    expect(pageInfoOf(last)).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: encodeCursor(4),
      endCursor: encodeCursor(4),
    });
  });

  it('maps an empty list', () => {
    const empty = pageOf({ offset: 0, first: 20, limit: 20 }, [], 0);
    expect(edgesOf(empty)).toEqual([]);
    expect(pageInfoOf(empty)).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });

  it('maps an offset beyond the total', () => {
    const beyond = pageOf({ offset: 50, first: 20, limit: 20 }, [], 5);
    expect(pageInfoOf(beyond)).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    });
  });

  it('shows only first of a page clamped up to the API minimum', () => {
    const page = pageOf(
      { offset: 0, first: 5, limit: 10 },
      Array.from({ length: 10 }, (_, i) => i),
      30,
    );
    expect(page.items).toEqual([0, 1, 2, 3, 4]);
    expect(pageInfoOf(page)).toMatchObject({ hasNextPage: true, endCursor: encodeCursor(4) });
  });

  it('slices a list the gateway holds', () => {
    expect(slicePage({ offset: 3, first: 10, limit: 10 }, letters)).toEqual({
      items: ['d', 'e'],
      offset: 3,
      total: 5,
    });
  });
});
