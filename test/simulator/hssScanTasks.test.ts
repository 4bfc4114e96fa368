/** Simulator contract: scan tasks (create without an id, list with progress over time and failures). */
import type { RunningSimulator } from '../../src/simulator';
import { call, hss, startWithToken } from './helpers';

describe('simulator scan tasks', () => {
  let sim: RunningSimulator;
  let token: string;
  beforeAll(async () => {
    ({ sim, token } = await startWithToken({ imageCount: 60, scanDurationMs: 400 }));
  });
  afterAll(() => sim.stop());

  const create = (body: unknown, query = '') =>
    call(sim, hss(sim, `/image/image-scan/tasks${query}`), { token, body });
  const list = (query = '?type=image_scan') => call(sim, hss(sim, `/image/tasks${query}`), { token });
  const privateImages = () => {
    const images = [];
    for (let i = 0; i < sim.control.dataset.imageCount && images.length < 3; i++) {
      const image = sim.control.dataset.getImage(i);
      if (image.image_type === 'private_image') images.push(image);
    }
    return images;
  };

  it('creates a task with an empty answer, then reports its progress, counts and failed images', async () => {
    const images = privateImages();
    const answer = await create({
      scan_scope: 0x000f0000,
      rate_limit: 100,
      image_info: [
        ...images.map((image) => ({
          namespace: image.namespace,
          image_name: image.image_name,
          image_version: image.image_version,
          registry_type: 'SwrPrivate',
        })),
        { namespace: 'nobody', image_name: 'missing', image_version: '1.0', registry_type: 'SwrPrivate' },
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('');

    const running = await list();
    expect(running.status).toBe(200);
    const [task] = running.json.data_list;
    expect(task).toMatchObject({
      task_type: 'manual',
      scan_scope: 0x000f0000,
      rate_limit: 100,
      is_all: false,
      total_num: 4,
      success_num: 0,
      failed_num: 1,
      failed_images: [expect.objectContaining({ image_name: 'missing', failed_reason: 'image not found' })],
    });
    expect(task.task_status).toBeGreaterThanOrEqual(0);
    expect(task.task_status).toBeLessThan(100);
    expect((await list('?type=image_scan&task_status=scanning')).json.total_num).toBe(1);

    await new Promise((resolve) => setTimeout(resolve, 450));
    const done = (await list(`?type=image_scan&task_id=${task.task_id}`)).json.data_list[0];
    expect(done.task_status).toBe(100);
    expect(done.end_time).toBeGreaterThanOrEqual(done.begin_time);
    expect(done.success_num + done.failed_num).toBe(4);
    expect(done.failed_images).toHaveLength(done.failed_num);
    expect((await list('?type=image_scan&task_status=finished')).json.total_num).toBeGreaterThanOrEqual(1);
  });

  it('scans "all" images matching query_info and lists the newest task first', async () => {
    const answer = await create({ is_all: true, query_info: { image_type: 'private_image' } });
    expect(answer.status).toBe(200);
    const tasks = (await list()).json.data_list;
    expect(tasks[0]).toMatchObject({ is_all: true, scan_scope: 0x7fffffff });
    expect(tasks[0].total_num).toBeGreaterThan(0);
    expect(tasks[0].begin_time).toBeGreaterThanOrEqual(tasks[1].begin_time);
    expect((await list('?type=image_sync')).json).toEqual({ total_num: 0, data_list: [] });
  });

  it.each([
    ['neither image_info nor is_all', {}, ''],
    ['rate_limit above 1000', { is_all: true, rate_limit: 1001 }, ''],
    ['a negative scan_scope', { is_all: true, scan_scope: -1 }, ''],
    ['an unknown global_image_type', { is_all: true }, '?global_image_type=cluster'],
  ])('answers 400 HSS.0001 to %s', async (_label, body, query) => {
    const answer = await create(body, query);
    expect(answer.status).toBe(400);
    expect(answer.json.error_code).toBe('HSS.0001');
  });

  it.each(['', '?type=other', '?type=image_scan&limit=5', '?type=image_scan&task_status=paused'])(
    'answers 400 HSS.0001 to the task list with %s',
    async (query) => {
      const answer = await list(query);
      expect(answer.status).toBe(400);
      expect(answer.json.error_code).toBe('HSS.0001');
    },
  );
});
