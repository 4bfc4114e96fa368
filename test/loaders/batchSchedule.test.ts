import DataLoader from 'dataloader';

import { dispatchBatch, dispatchLeadingBatch } from '../../src/loaders/batchSchedule';
import { createLoaders } from '../../src/loaders';
import { makeImage } from '../graphql/support/fixtures';
import { createFakeUpstream } from '../graphql/support/fakeUpstream';

function recordingLoader(name: string, order: string[], schedule: (dispatch: () => void) => void) {
  const batches: number[][] = [];
  const loader = new DataLoader<number, number>(
    async (keys) => {
      order.push(name);
      batches.push([...keys]);
      return keys;
    },
    { batchScheduleFn: schedule },
  );
  return { loader, batches };
}

describe('batch schedule', () => {
  it('dispatches the leading batches of a turn first, each holding the loads of that turn', async () => {
    const order: string[] = [];
    const perRow = recordingLoader('per-row', order, dispatchBatch);
    const chain = recordingLoader('chain', order, dispatchLeadingBatch);
    const loads = [perRow.loader.load(1), perRow.loader.load(2), chain.loader.load(10)];
    // Loads made in the turn's promise jobs join the same batches, as with DataLoader's own schedule.
    await Promise.resolve().then(() => loads.push(perRow.loader.load(3), chain.loader.load(11)));
    await Promise.all(loads);
    expect(order).toEqual(['chain', 'per-row']);
    expect(perRow.batches).toEqual([[1, 2, 3]]);
    expect(chain.batches).toEqual([[10, 11]]);

    // A load after the dispatch starts a new batch.
    await perRow.loader.load(4);
    expect(perRow.batches).toEqual([[1, 2, 3], [4]]);
  });

  it('sends a page row’s shared-repository lookup before the per-image calls asked ahead of it', async () => {
    const image = makeImage();
    const upstream = createFakeUpstream({});
    const loaders = createLoaders(upstream.clients, new AbortController().signal);
    // The order the rows of a page ask in: statistics, software, then the shared repository (two rows
    // of one center: the center's first page is read, and decides the calls after it).
    await Promise.allSettled(
      ['app', 'web'].flatMap((name) => [
        loaders.filesStatistics.load({ ...image, image_id: `${image.image_id}-${name}` }),
        loaders.imageApps.load({
          image: { ...image, image_id: `${image.image_id}-${name}` },
          offset: 0,
          limit: 5,
        }),
        loaders.sharedRepository.load({ center: 'self', namespace: 'team', name }),
      ]),
    );
    expect(upstream.calls.map((call) => call.method)).toEqual([
      'swr.listSharedRepositories',
      'hss.showImageFilesStat',
      'hss.showImageFilesStat',
      'hss.listImageApps',
      'hss.listImageApps',
    ]);
  });
});
