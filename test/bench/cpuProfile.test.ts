/**
 * The benchmark's CPU-profile summary (bench/cpuProfile.ts) on a small hand-made V8 profile: samples
 * outside the load's window are left out, idle is not busy time, built-ins count towards their caller,
 * and our code is grouped by its top-level directory.
 */
import { join } from 'node:path';
import { summarizeProfile } from '../../bench/cpuProfile';
import { ROOT } from '../../bench/measure';

const url = (path: string): string => `file://${join(ROOT, path)}`;
const frame = (functionName: string, path = '') => ({
  functionName,
  url: path ? url(path) : '',
  lineNumber: 0,
});

// ids: 1 root; 2 GC; 3 idle; 4 graphql-js execute → 6 a built-in it calls; 5 our HSS client; 7 an Apollo plugin hook.
const profile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 3, 4, 5, 7] },
    { id: 2, callFrame: frame('(garbage collector)') },
    { id: 3, callFrame: frame('(idle)') },
    { id: 4, callFrame: frame('execute', 'node_modules/graphql/execution/execute.js'), children: [6] },
    { id: 5, callFrame: frame('call', 'dist/upstream/hss/client.js') },
    { id: 6, callFrame: frame('stringify') },
    {
      id: 7,
      callFrame: frame(
        'willResolveField',
        'node_modules/@apollo/server/dist/cjs/plugin/cacheControl/index.js',
      ),
    },
  ],
  startTime: 0,
  endTime: 9100,
  // Sample i is taken at the running sum of the deltas and lasts until the next one (1 ms each here).
  samples: [5, 4, 4, 6, 2, 3, 5, 7, 5],
  timeDeltas: [100, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
};

describe('CPU profile summary', () => {
  it('counts only the load window, without idle, built-ins with their caller', () => {
    const summary = summarizeProfile(profile, { fromUs: 1000, toUs: 8000 }, 3);

    expect(summary.windowed).toBe(true);
    // The start-up sample (t = 100 µs) and the one after the window are out; idle is apart.
    expect(summary.busyMs).toBeCloseTo(6);
    expect(summary.idleMs).toBeCloseTo(1);
    expect(summary.busyMsPerRequest).toBeCloseTo(2);
    expect(summary.headline.graphqlExecution).toBeCloseTo(3 / 6);
    expect(summary.headline.gc).toBeCloseTo(1 / 6);
    expect(summary.headline.apolloPlugins).toBeCloseTo(1 / 6);
    expect(summary.headline.ourCode).toBeCloseTo(1 / 6);
    expect(summary.ourCodeByDir).toEqual([{ name: 'src/upstream', ms: 1, share: 1 / 6 }]);

    expect(summary.topSelf[0]).toMatchObject({
      name: 'execute',
      ms: 2,
      location: 'node_modules/graphql/execution/execute.js:1',
      group: 'graphql-js execution',
    });
    expect(summary.topSelf).toContainEqual(
      expect.objectContaining({
        name: 'stringify',
        location: '(built-in)',
        group: 'built-in, called from graphql-js execution',
      }),
    );
    expect(summary.topSelf.map((entry) => entry.name)).not.toContain('(idle)');
  });

  it('falls back to the whole profile, and says so, when the window holds no sample', () => {
    const summary = summarizeProfile(profile, { fromUs: 50_000, toUs: 60_000 }, 0);

    expect(summary.windowed).toBe(false);
    // Every sample but the last (which has no successor to end it) and idle.
    expect(summary.busyMs).toBeCloseTo(7);
    expect(summary.headline.ourCode).toBeCloseTo(2 / 7);
    expect(summary.busyMsPerRequest).toBeNaN();
  });
});
