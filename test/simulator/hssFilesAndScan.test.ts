import type { RunningSimulator } from '../../src/simulator';
import { call, hss, qs, startWithToken } from './helpers';

type Image = ReturnType<RunningSimulator['control']['dataset']['getImage']>;

function firstImage(sim: RunningSimulator, predicate: (image: Image) => boolean): Image {
  const dataset = sim.control.dataset;
  for (let i = 0; i < dataset.imageCount; i++) {
    const image = dataset.getImage(i);
    if (predicate(image)) return image;
  }
  throw new Error('no such image');
}

describe('simulator HSS ShowImageFilesStat', () => {
  let sim: RunningSimulator;
  let token: string;
  beforeAll(async () => {
    ({ sim, token } = await startWithToken());
  });
  afterAll(() => sim.stop());

  const stat = (
    image: Image,
    params: Record<string, string | number>,
    headers: Record<string, string> = { region: sim.region },
  ) =>
    call(sim, hss(sim, `/image/${encodeURIComponent(image.image_id)}/files-statistics${qs(params)}`), {
      token,
      headers,
    });
  const refOf = (image: Image) => ({
    image_type: image.image_type,
    namespace: image.namespace,
    image_name: image.image_name,
    tag_name: image.image_version,
  });

  it('returns the file statistics of a scanned image and ignores unknown query parameters', async () => {
    const image = firstImage(sim, (candidate) => candidate.scan_status === 'success');
    const answer = await stat(image, {
      ...refOf(image),
      limit: 10,
      offset: 0,
      repo_type: 0,
      type: 'linux_vul',
      image_id: image.image_id,
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(sim.control.dataset.filesStat(image.image_id));
    expect(answer.json.total_files_num).toBeGreaterThan(0);
    expect(answer.json.total_files_size).toBeGreaterThan(0);
  });

  it('accepts image_type=registry for any registry image', async () => {
    const image = firstImage(sim, (candidate) => candidate.scan_status === 'success');
    expect((await stat(image, { ...refOf(image), image_type: 'registry' })).status).toBe(200);
  });

  it('answers the {0,0} placeholder for an image never scanned', async () => {
    const image = firstImage(sim, (candidate) => candidate.scan_status === 'unscan');
    expect((await stat(image, refOf(image))).json).toEqual({ total_files_num: 0, total_files_size: 0 });
  });

  it('requires the region header, equal to the region', async () => {
    const image = firstImage(sim, () => true);
    for (const headers of [{}, { region: 'ap-southeast-1' }] as Record<string, string>[]) {
      const answer = await stat(image, refOf(image), headers);
      expect(answer.status).toBe(400);
      expect(answer.json.error_code).toBe('HSS.0001');
    }
  });

  it('requires image_type (in its enum) and the reference for non-CI/CD types', async () => {
    const image = firstImage(sim, () => true);
    const { image_type: _type, ...withoutType } = refOf(image);
    const { tag_name: _tag, ...withoutTag } = refOf(image);
    for (const params of [withoutType, { ...refOf(image), image_type: 'container' }, withoutTag]) {
      const answer = await stat(image, params);
      expect(answer.status).toBe(400);
      expect(answer.json.error_code).toBe('HSS.0001');
    }
  });

  it('answers 400 HSS.0011 for unknown images (CI/CD ids included)', async () => {
    const image = firstImage(sim, () => true);
    expect((await stat({ ...image, image_id: 'sha256:nope' }, refOf(image))).json.error_code).toBe(
      'HSS.0011',
    );
    expect((await stat({ ...image, image_id: '111' }, { image_type: 'cicd' })).json.error_code).toBe(
      'HSS.0011',
    );
  });
});

describe('simulator HSS BatchScanSwrImage', () => {
  let sim: RunningSimulator;
  let token: string;
  beforeAll(async () => {
    ({ sim, token } = await startWithToken({ scanDurationMs: 150 }));
  });
  afterAll(() => sim.stop());

  const scan = (body: unknown) => call(sim, hss(sim, '/image/batch-scan'), { token, body });
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it.each([
    ['not JSON', '{"image_type":', 'HSS.0002'],
    ['not an object', '[1,2]', 'HSS.0002'],
    ['no image_type', '{"operate_all":true}', 'HSS.0001'],
    ['harbor image_type', '{"image_type":"harbor","operate_all":true}', 'HSS.0001'],
    ['no list without operate_all', '{"image_type":"private_image"}', 'HSS.0001'],
    ['empty list', '{"image_type":"private_image","image_info_list":[]}', 'HSS.0001'],
    [
      'list not an array',
      '{"image_type":"private_image","image_info_list":{"a":1},"operate_all":false}',
      'HSS.0001',
    ],
    [
      'bad scan_status',
      '{"image_type":"private_image","operate_all":true,"scan_status":"waiting_for_scan"}',
      'HSS.0001',
    ],
    ['operate_all not boolean', '{"image_type":"private_image","operate_all":"true"}', 'HSS.0001'],
  ])('rejects %s', async (_case, rawBody, code) => {
    const answer = await call(sim, hss(sim, '/image/batch-scan'), { token, rawBody, method: 'POST' });
    expect(answer.status).toBe(400);
    expect(answer.json.error_code).toBe(code);
  });

  it('moves listed images to scanning, then to a final status with a new scan time', async () => {
    const image = firstImage(
      sim,
      (candidate) => candidate.image_type === 'private_image' && candidate.scan_status === 'success',
    );
    const before = sim.control.dataset.getImage(image.id - 1);
    const answer = await scan({
      image_type: 'private_image',
      image_info_list: [
        { namespace: image.namespace, image_name: image.image_name, image_version: image.image_version },
        { namespace: 'nobody', image_name: 'nothing', image_version: '0' },
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('');
    const during = sim.control.dataset.getImage(image.id - 1);
    expect(during.scan_status).toBe('scanning');
    expect(during.vul_num).toBe(0);
    expect(sim.control.dataset.appsOfImage(image.image_id)).toEqual([]);
    await wait(200);
    const after = sim.control.dataset.getImage(image.id - 1);
    expect(['success', 'failed', 'image_oversized']).toContain(after.scan_status);
    expect(after.latest_scan_time).toBeGreaterThan(before.latest_scan_time);
    expect(after.image_id).toBe(before.image_id);
    if (after.scan_status === 'success') {
      const apps = sim.control.dataset.appsOfImage(image.image_id);
      expect(apps.length).toBeGreaterThanOrEqual(10);
      expect(apps.every((app) => app.latest_scan_time === after.latest_scan_time)).toBe(true);
    }
  });

  it('scans every image matching the filters with operate_all', async () => {
    const dataset = sim.control.dataset;
    const sharedNamespace = firstImage(sim, (candidate) => candidate.image_type === 'shared_image').namespace;
    const answer = await scan({ image_type: 'shared_image', operate_all: true, namespace: sharedNamespace });
    expect(answer.status).toBe(200);
    const listed = await call(
      sim,
      hss(
        sim,
        `/image/registries/images${qs({ image_type: 'shared_image', namespace: sharedNamespace, limit: 200 })}`,
      ),
      { token },
    );
    expect(listed.json.total_num).toBeGreaterThan(0);
    expect(listed.json.data_list.every((image: Image) => image.scan_status === 'scanning')).toBe(true);
    const scanning = await call(
      sim,
      hss(sim, `/image/registries/images${qs({ scan_status: 'scanning', limit: 200 })}`),
      { token },
    );
    expect(scanning.json.total_num).toBeGreaterThanOrEqual(listed.json.total_num);
    await wait(200);
    const settled = dataset.getImage(listed.json.data_list[0].id - 1);
    expect(settled.scan_status).not.toBe('scanning');
  });
});
