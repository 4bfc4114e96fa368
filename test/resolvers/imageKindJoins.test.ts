/** `ImageApp.image` of CI/CD and local software rows: batched per repository / image name, guarded input. */
import type { HssCicdImage, HssLocalImage } from '../../src/upstream/hss/imageKindsTypes';
import type { HssGlobalImageApp } from '../../src/upstream/hss/types';
import { run } from '../graphql/support/execute';
import { createFakeUpstream } from '../graphql/support/fakeUpstream';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function cicd(id: string, name: string): HssCicdImage {
  return {
    image_id: id,
    cicd_name: `${name}-ci`,
    namespace: 'team-a',
    image_name: name,
    image_digest: '',
    image_version: `1.0.${id}`,
    registry_name: 'SWR',
    image_type: 'private_image',
    registry_type: 'SwrPrivate',
    latest_version: false,
    scan_status: 'success',
    scan_failed_desc: '',
    scan_failed_code: '',
    image_size: 1000,
    latest_update_time: 1,
    latest_scan_time: 2,
    vul_num: 0,
    unsafe_setting_num: 0,
    malicious_file_num: 0,
    severity_level: 'Security',
    pipeline_type: 'codearts',
  };
}

function local(id: string, name: string, tag: string): HssLocalImage {
  return {
    image_name: name,
    image_id: id,
    image_digest: '',
    image_version: tag,
    local_image_type: 'other_image',
    scan_status: 'success',
    image_size: 1000,
    latest_update_time: 1,
    latest_scan_time: 2,
    vul_num: 0,
    unsafe_setting_num: 0,
    malicious_file_num: 0,
    host_num: 1,
    container_num: 0,
    component_num: 3,
    scan_failed_desc: '',
    severity_level: '',
    host_name: 'node-1',
    host_id: 'h1',
    agent_id: 'a1',
    non_scan_reason: '',
  };
}

const rowOf = (image: { image_id: string; image_name: string; image_version: string }, namespace = '') =>
  ({
    app_name: 'openssl',
    image_id: image.image_id,
    image_name: image.image_name,
    image_version: image.image_version,
    namespace,
  }) satisfies HssGlobalImageApp;

const search = (kind: string) =>
  `{ imageSoftware(filter: { name: "openssl", imageKind: ${kind} }, first: 20) { nodes { image { __typename imageId } } } }`;
const imagesOf = (result: { data?: Json | null }) =>
  (result.data!['imageSoftware'].nodes as Json[]).map((node) => node['image']?.imageId ?? null);

describe('software rows of CI/CD images', () => {
  it('finds the images of several rows of one repository with one repository-wide list', async () => {
    const images = [cicd('11', 'api'), cicd('12', 'api'), cicd('21', 'web')];
    const upstream = createFakeUpstream({
      cicdImages: images,
      globalApps: images.map((image) => rowOf(image, 'team-a')),
    });
    const result = await run(upstream, search('CICD'));
    expect(imagesOf(result)).toEqual(['11', '12', '21']);
    const queries = upstream.callsOf('hss.listCicdImages').map((call) => call.args[0]);
    expect(queries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ namespace: 'team-a', image_name: 'api', limit: 200 }),
        expect.objectContaining({ image_id: '21', limit: 200 }),
      ]),
    );
    expect(queries).toHaveLength(2);
  });

  it('answers null, with no call, for rows that cannot name an image', async () => {
    const upstream = createFakeUpstream({
      cicdImages: [cicd('11', 'api')],
      globalApps: [
        { app_name: 'openssl' },
        { ...rowOf(cicd('11', 'api')), image_id: 'not an id!' },
        { ...rowOf(cicd('11', 'api')), image_name: 'n'.repeat(129) },
      ],
    });
    const result = await run(upstream, search('CICD'));
    expect(result.errors).toBeUndefined();
    expect(imagesOf(result)).toEqual([null, null, null]);
    expect(upstream.count('hss.listCicdImages')).toBe(0);
  });
});

describe('software rows of node-local images', () => {
  it('finds images of one name with one list by name, matching the id exactly (the name filter is fuzzy)', async () => {
    const images = [
      local('sha256:a', 'nginx', '1.25'),
      local('sha256:b', 'nginx', '1.26'),
      local('sha256:c', 'nginx-ingress', '1.0'),
    ];
    const upstream = createFakeUpstream({
      localImages: images,
      globalApps: images.map((image) => rowOf(image)),
    });
    const result = await run(upstream, search('LOCAL'));
    expect(imagesOf(result)).toEqual(['sha256:a', 'sha256:b', 'sha256:c']);
    const queries = upstream.callsOf('hss.listImageLocal').map((call) => call.args[0]);
    expect(queries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ image_name: 'nginx', limit: 200 }),
        expect.objectContaining({ image_name: 'nginx-ingress', image_version: '1.0' }),
      ]),
    );
    expect(queries).toHaveLength(2);
    expect(queries.find((query) => (query as Json)['image_name'] === 'nginx')).not.toHaveProperty(
      'image_version',
    );
  });

  it('maps the local scan vocabulary onto the shared one', async () => {
    const waiting = {
      ...local('sha256:w', 'redis', '7'),
      scan_status: 'waiting' as const,
      latest_scan_time: 0,
    };
    const failed = {
      ...local('sha256:f', 'redis', '6'),
      scan_status: 'failed' as const,
      scan_failed_desc: 'docker_offline',
    };
    const upstream = createFakeUpstream({ localImages: [waiting, failed] });
    const result = await run(
      upstream,
      '{ localImages { nodes { scan { status failureCode failureReason } apps { totalCount } } } }',
    );
    expect((result.data as Json)['localImages'].nodes).toEqual([
      {
        scan: { status: 'WAITING_FOR_SCAN', failureCode: null, failureReason: null },
        apps: { totalCount: 0 },
      },
      {
        scan: { status: 'FAILED', failureCode: 'UNKNOWN_ERROR', failureReason: 'docker_offline' },
        apps: { totalCount: 0 },
      },
    ]);
    // The never-scanned image's software costs no call; the failed one's is asked.
    expect(upstream.count('hss.listLocalImageAppInfo')).toBe(1);
  });
});
