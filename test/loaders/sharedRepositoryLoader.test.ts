import { createLoaders } from '../../src/loaders';
import type { SwrSharedRepository } from '../../src/upstream/swr/types';
import { makeRepo } from '../graphql/support/fixtures';
import { createFakeUpstream } from '../graphql/support/fakeUpstream';

const signal = new AbortController().signal;

function repos(count: number, namespace: string): SwrSharedRepository[] {
  return Array.from({ length: count }, (_, index) => makeRepo({ namespace, name: `repo-${index + 1}` }));
}

describe('sharedRepository loader', () => {
  it('pages through a whole center with limit 100, once per request however many batches ask', async () => {
    const upstream = createFakeUpstream({
      repos: { self: repos(250, 'team-a'), thirdparty: repos(3, 'vendor') },
    });
    const { sharedRepository } = createLoaders(upstream.clients, signal);

    const first = await Promise.all([
      sharedRepository.load({ center: 'self', namespace: 'team-a', name: 'repo-1' }),
      sharedRepository.load({ center: 'self', namespace: 'team-a', name: 'repo-250' }),
      sharedRepository.load({ center: 'thirdparty', namespace: 'vendor', name: 'repo-2' }),
    ]);
    // A later batch (another tick) reuses the index: no new call.
    const later = await sharedRepository.load({ center: 'self', namespace: 'team-a', name: 'repo-120' });
    const absent = await sharedRepository.load({ center: 'self', namespace: 'team-a', name: 'repo' });

    expect(first.map((repo) => repo?.name)).toEqual(['repo-1', 'repo-250', 'repo-2']);
    expect(later?.name).toBe('repo-120');
    // Exact match only: SWR's own name filter is fuzzy.
    expect(absent).toBeNull();
    expect(upstream.callsOf('swr.listSharedRepositories').map((call) => call.args[0])).toEqual([
      { center: 'self', limit: 100, offset: 0 },
      { center: 'thirdparty', limit: 100, offset: 0 },
      { center: 'self', limit: 100, offset: 100 },
      { center: 'self', limit: 100, offset: 200 },
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
