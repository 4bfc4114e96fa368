import { createLoaders } from '../../src/loaders';
import type { SwrSharedRepository } from '../../src/upstream/swr/types';
import { makeRepo } from '../graphql/support/fixtures';
import { createFakeUpstream } from '../graphql/support/fakeUpstream';

const signal = new AbortController().signal;

function repos(count: number, namespace: string): SwrSharedRepository[] {
  return Array.from({ length: count }, (_, index) => makeRepo({ namespace, name: `repo-${index + 1}` }));
}

describe('sharedRepository loader', () => {
  const args = (upstream: ReturnType<typeof createFakeUpstream>) =>
    upstream.callsOf('swr.listSharedRepositories').map((call) => call.args[0]);

  it('finds one repository with one filtered list, however large its center, matching exactly', async () => {
    const upstream = createFakeUpstream({
      repos: { self: [...repos(450, 'team-a'), makeRepo({ namespace: 'team-a', name: 'api-gateway' })] },
    });
    const { sharedRepository } = createLoaders(upstream.clients, signal);
    expect((await sharedRepository.load({ center: 'self', namespace: 'team-a', name: 'repo-7' }))?.name).toBe(
      'repo-7',
    );
    expect(args(upstream)).toEqual([
      { center: 'self', namespace: 'team-a', name: 'repo-7', limit: 100, offset: 0 },
    ]);
    // SWR's fuzzy match of "api" finds "api-gateway": not the same repository.
    expect(await sharedRepository.load({ center: 'self', namespace: 'team-a', name: 'api' })).toBeNull();
  });

  it('pages through a center when that costs no more than looking the missing ones up, once per request', async () => {
    const upstream = createFakeUpstream({
      repos: { self: repos(250, 'team-a'), thirdparty: repos(3, 'vendor') },
    });
    const { sharedRepository } = createLoaders(upstream.clients, signal);

    const first = await Promise.all([
      sharedRepository.load({ center: 'self', namespace: 'team-a', name: 'repo-1' }),
      sharedRepository.load({ center: 'self', namespace: 'team-a', name: 'repo-150' }),
      sharedRepository.load({ center: 'self', namespace: 'team-a', name: 'repo-250' }),
      sharedRepository.load({ center: 'thirdparty', namespace: 'vendor', name: 'repo-2' }),
      sharedRepository.load({ center: 'thirdparty', namespace: 'vendor', name: 'repo-3' }),
    ]);
    // A later batch (another tick) reuses the whole center: no new call.
    const later = await sharedRepository.load({ center: 'self', namespace: 'team-a', name: 'repo-120' });
    const absent = await sharedRepository.load({ center: 'self', namespace: 'team-a', name: 'repo' });

    expect(first.map((repo) => repo?.name)).toEqual(['repo-1', 'repo-150', 'repo-250', 'repo-2', 'repo-3']);
    expect(later?.name).toBe('repo-120');
    expect(absent).toBeNull();
    // self: 2 missing after page 1, 2 pages left → page through; thirdparty fits one page.
    expect(args(upstream)).toEqual([
      { center: 'self', limit: 100, offset: 0 },
      { center: 'thirdparty', limit: 100, offset: 0 },
      { center: 'self', limit: 100, offset: 100 },
      { center: 'self', limit: 100, offset: 200 },
    ]);
  });

  it('looks the missing ones up instead when the rest of the center would cost more calls', async () => {
    const upstream = createFakeUpstream({ repos: { self: repos(950, 'team-a') } });
    const { sharedRepository } = createLoaders(upstream.clients, signal);
    const found = await Promise.all(
      ['repo-1', 'repo-2', 'repo-500', 'repo-900'].map((name) =>
        sharedRepository.load({ center: 'self', namespace: 'team-a', name }),
      ),
    );
    expect(found.map((repo) => repo?.name)).toEqual(['repo-1', 'repo-2', 'repo-500', 'repo-900']);
    expect(args(upstream)).toEqual([
      { center: 'self', limit: 100, offset: 0 },
      { center: 'self', namespace: 'team-a', name: 'repo-500', limit: 100, offset: 0 },
      { center: 'self', namespace: 'team-a', name: 'repo-900', limit: 100, offset: 0 },
    ]);
  });

  it('is primed by repositories of a listed page', async () => {
    const upstream = createFakeUpstream({ repos: { thirdparty: repos(3, 'vendor') } });
    const loaders = createLoaders(upstream.clients, signal);
    await loaders.sharedRepositoriesPage.load({ center: 'thirdparty', limit: 10, offset: 0 });
    const repo = await loaders.sharedRepository.load({
      center: 'thirdparty',
      namespace: 'vendor',
      name: 'repo-3',
    });
    expect(repo?.name).toBe('repo-3');
    expect(upstream.count()).toBe(1);
  });
});
