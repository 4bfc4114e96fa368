/** startImageScanTask and imageScanTasks over fake clients: the exact HSS requests, matching, bad input. */
import type { HssImageScanTask } from '../../src/upstream/hss/scanTaskTypes';
import { createFakeUpstream } from '../graphql/support/fakeUpstream';
import { errorCodes, operation, run } from '../graphql/support/execute';

function task(overrides: Partial<HssImageScanTask> = {}): HssImageScanTask {
  return {
    task_id: 't-1',
    task_name: 'manual-1',
    begin_time: Date.now(),
    end_time: 0,
    remain_min: 3,
    task_type: 'manual',
    task_status: 70,
    scan_scope: 0x000f0000 | 0x0000000f,
    rate_limit: 0,
    is_all: false,
    failed_num: 1,
    success_num: 13,
    total_num: 20,
    risky_num: 4,
    failed_reason: '',
    failed_images: [
      {
        namespace: 'team-a',
        image_name: 'big',
        image_version: '1',
        registry_type: 'SwrPrivate',
        failed_reason: 'image oversized',
      },
    ],
    ...overrides,
  };
}

const START = operation('StartImageScanTask');

describe('startImageScanTask', () => {
  it('sends one create and one list, and returns the newest manual task begun since', async () => {
    const upstream = createFakeUpstream({
      scanTasks: [
        task({ task_id: 'older', begin_time: Date.now() - 60 * 60_000 }),
        task({ task_id: 'periodic', task_type: 'cycle' }),
        task({ task_id: 'ours' }),
      ],
    });
    const result = await run(upstream, START, {
      input: {
        images: [
          { type: 'PRIVATE', namespace: 'team-a', name: 'api', tag: '1.4.2' },
          {
            type: 'ENTERPRISE',
            namespace: 'team-b',
            name: 'web',
            tag: 'v2',
            instanceId: 'ins-01',
            instanceUrl: 'https://ins-01.example.com',
          },
        ],
        scope: ['VULNERABILITIES', 'MALICIOUS_FILES'],
        imagesPerHour: 120,
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      startImageScanTask: {
        accepted: true,
        requestedCount: 2,
        task: { id: 'ours', state: 'RUNNING', progressPercent: 70, totalCount: 20 },
      },
    });
    expect(upstream.callsOf('hss.createManualImageScanTask')[0]!.args).toEqual([
      {
        scan_scope: 0x000f0000 | 0x00000f00,
        rate_limit: 120,
        image_info: [
          { namespace: 'team-a', image_name: 'api', image_version: '1.4.2', registry_type: 'SwrPrivate' },
          {
            namespace: 'team-b',
            image_name: 'web',
            image_version: 'v2',
            registry_type: 'SwrEnterprise',
            instance_id: 'ins-01',
            instance_url: 'https://ins-01.example.com',
          },
        ],
      },
      { global_image_type: 'registry' },
    ]);
    expect(upstream.callsOf('hss.listImageScanTasks')[0]!.args).toEqual([
      { type: 'image_scan', task_type: 'manual', limit: 10, offset: 0 },
    ]);
    expect(upstream.count()).toBe(2);
  });

  it('scans "all" with a filter and every scope by default; task null when none is listed yet', async () => {
    const upstream = createFakeUpstream({ scanTasks: [] });
    const result = await run(upstream, START, {
      input: { all: true, filter: { type: 'SHARED', namespace: 'team-a', scanStatus: 'FAILED' } },
    });
    expect(result.data).toEqual({
      startImageScanTask: { accepted: true, requestedCount: null, task: null },
    });
    expect(upstream.callsOf('hss.createManualImageScanTask')[0]!.args[0]).toEqual({
      scan_scope: 0x7fffffff,
      rate_limit: 0,
      is_all: true,
      query_info: { image_type: 'shared_image', namespace: 'team-a', scan_status: 'failed' },
    });
  });

  const image = { type: 'PRIVATE', namespace: 'team-a', name: 'api', tag: '1.4.2' };
  it.each<[string, Record<string, unknown>]>([
    ['neither images nor all', {}],
    ['both images and all', { images: [image], all: true }],
    ['an empty image list without all', { images: [] }],
    ['101 images', { images: Array.from({ length: 101 }, () => image) }],
    ['a filter without all', { images: [image], filter: { namespace: 'a' } }],
    ['an empty scope', { all: true, scope: [] }],
    ['a speed above 1000', { all: true, imagesPerHour: 1001 }],
    ['a negative speed', { all: true, imagesPerHour: -1 }],
    ['a Harbor image', { images: [{ ...image, type: 'HARBOR' }] }],
    ['an ENTERPRISE image without instance id', { images: [{ ...image, type: 'ENTERPRISE' }] }],
    ['an instance id on a PRIVATE image', { images: [{ ...image, instanceId: 'ins-01' }] }],
    ['a malformed instance id', { images: [{ ...image, type: 'ENTERPRISE', instanceId: 'ins 01' }] }],
    [
      'an http instance URL',
      { images: [{ ...image, type: 'ENTERPRISE', instanceId: 'i', instanceUrl: 'http://x' }] },
    ],
    ['an invalid tag', { images: [{ ...image, tag: '-bad' }] }],
    ['WAITING_FOR_SCAN in the filter', { all: true, filter: { scanStatus: 'WAITING_FOR_SCAN' } }],
  ])('refuses %s with BAD_USER_INPUT and no upstream call', async (_label, input) => {
    const upstream = createFakeUpstream({});
    const result = await run(upstream, START, { input });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(upstream.count()).toBe(0);
  });
});

describe('imageScanTasks', () => {
  it('maps progress, states, scope and failed images; filters become query parameters', async () => {
    const upstream = createFakeUpstream({
      scanTasks: [
        task(),
        task({ task_id: 'done', task_status: 100, end_time: Date.now(), remain_min: 0 }),
        task({ task_id: 'stopped', task_status: -1 }),
        task({ task_id: 'late', task_status: -2 }),
        task({ task_id: 'broken', task_status: -3, failed_reason: 'engine error', task_type: 'unknownKind' }),
      ],
    });
    const result = await run(upstream, operation('ImageScanTasks'), { first: 5 });
    expect(result.errors).toBeUndefined();
    const nodes = (result.data as { imageScanTasks: { nodes: Record<string, unknown>[] } }).imageScanTasks
      .nodes;
    expect(nodes.map((node) => [node.id, node.state, node.progressPercent])).toEqual([
      ['t-1', 'RUNNING', 70],
      ['done', 'FINISHED', 100],
      ['stopped', 'TERMINATED', null],
      ['late', 'TIMED_OUT', null],
      ['broken', 'FAILED', null],
    ]);
    expect(nodes[0]).toMatchObject({
      kind: 'MANUAL',
      scope: ['VULNERABILITIES', 'SOFTWARE_COMPLIANCE'],
      totalCount: 20,
      succeededCount: 13,
      failedCount: 1,
      riskyCount: 4,
      failedImages: [{ namespace: 'team-a', name: 'big', tag: '1', reason: 'image oversized' }],
    });
    expect(nodes[4]!.kind).toBeNull();
    expect(upstream.callsOf('hss.listImageScanTasks')[0]!.args).toEqual([
      { type: 'image_scan', limit: 10, offset: 0 },
    ]);

    await run(
      upstream,
      '{ imageScanTasks(filter: { running: false, kind: PERIODIC, id: "t-9" }) { totalCount } }',
    );
    expect(upstream.callsOf('hss.listImageScanTasks')[1]!.args[0]).toEqual({
      type: 'image_scan',
      limit: 20,
      offset: 0,
      task_status: 'finished',
      task_type: 'cycle',
      task_id: 't-9',
    });
  });

  it('refuses a malformed task id and first above 200 without an upstream call', async () => {
    const upstream = createFakeUpstream({});
    for (const query of [
      '{ imageScanTasks(filter: { id: "a b" }) { totalCount } }',
      '{ imageScanTasks(first: 201) { totalCount } }',
    ]) {
      expect(errorCodes(await run(upstream, query))).toEqual(['BAD_USER_INPUT']);
    }
    expect(upstream.count()).toBe(0);
  });
});
