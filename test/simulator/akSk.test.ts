/**
 * The simulator checks AK/SK signatures with its own implementation; requests here are signed with the
 * gateway's signer (src/auth/signer), so the two independent readings of the algorithm are checked
 * against each other, and each tampering is refused the way the API gateway refuses it.
 */
import { formatSdkDate, signRequest } from '../../src/auth/signer';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { call, getToken, hss, REQUEST_ID, type HttpAnswer } from './helpers';

interface SignOptions {
  method?: 'GET' | 'POST';
  body?: string;
  key?: { accessKey: string; secretKey: string };
  securityToken?: string;
  date?: Date;
  projectId?: string;
  /** Headers sent but changed after signing. */
  sentQuery?: string;
  sentBody?: string;
  /** Sign as the Go SDK does: only x-sdk-date (+ x-project-id), no host. */
  goStyle?: boolean;
}

async function signedCall(
  sim: RunningSimulator,
  target: string,
  options: SignOptions = {},
): Promise<HttpAnswer> {
  const url = new URL(target, sim.url);
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const added: Record<string, string> = { 'X-Sdk-Date': formatSdkDate(options.date ?? new Date()) };
  if (options.projectId !== undefined) added['X-Project-Id'] = options.projectId;
  if (options.securityToken !== undefined) added['X-Security-Token'] = options.securityToken;
  const signedHeaders = options.goStyle
    ? added
    : { ...added, 'Content-Type': 'application/json', Host: url.host };
  const { authorization } = signRequest(
    {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: signedHeaders,
      body: options.body ?? '',
    },
    options.key ?? sim.accessKeys.permanent,
  );
  const sentPath =
    options.sentQuery === undefined ? `${url.pathname}${url.search}` : `${url.pathname}?${options.sentQuery}`;
  const body = options.sentBody ?? options.body;
  return call(sim, sentPath, {
    method,
    headers: { ...added, authorization },
    ...(body !== undefined && { rawBody: body }),
  });
}

describe('simulator AK/SK signature checks', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ imageCount: 30 });
  });
  afterAll(() => sim.stop());

  const list = () => hss(sim, '/image/registries/images?limit=10&image_type=private_image');

  it('accepts a correctly signed call to every service, with and without host signed', async () => {
    const answers = await Promise.all([
      signedCall(sim, list(), { projectId: sim.projectId }),
      signedCall(sim, list(), { projectId: sim.projectId, goStyle: true }),
      signedCall(sim, '/v2/manage/shared-repositories?center=self&limit=5&offset=0', {
        projectId: sim.projectId,
      }),
      signedCall(sim, `/v2/${sim.projectId}/images`, { projectId: sim.projectId }),
      signedCall(sim, `/v3/projects?name=${sim.region}`),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers[4]!.json.projects).toEqual([
      expect.objectContaining({ id: sim.projectId, name: sim.region }),
    ]);
  });

  it('accepts a signed POST whose body is the body signed', async () => {
    const body = JSON.stringify({ image_type: 'private_image', operate_all: true });
    const answer = await signedCall(sim, hss(sim, '/image/batch-scan'), { body, projectId: sim.projectId });
    expect(answer.status).toBe(200);
  });

  it.each<[string, (s: RunningSimulator) => SignOptions, number, string]>([
    [
      'a wrong secret key',
      (s) => ({ key: { ...s.accessKeys.permanent, secretKey: 'wrong-secret' } }),
      401,
      'APIGW.0301',
    ],
    [
      'an unknown access key',
      () => ({ key: { accessKey: 'UNKNOWNACCESSKEY0001', secretKey: 'x' } }),
      401,
      'APIGW.0301',
    ],
    ['a tampered query', () => ({ sentQuery: 'limit=20&image_type=private_image' }), 401, 'APIGW.0301'],
    ['a date 16 minutes old', () => ({ date: new Date(Date.now() - 16 * 60_000) }), 401, 'APIGW.0303'],
    ['a date 16 minutes ahead', () => ({ date: new Date(Date.now() + 16 * 60_000) }), 401, 'APIGW.0303'],
    [
      'a temporary key without its security token',
      (s) => ({ key: s.accessKeys.temporary }),
      401,
      'APIGW.0301',
    ],
    [
      'a temporary key with a wrong security token',
      (s) => ({ key: s.accessKeys.temporary, securityToken: 'not-the-token' }),
      401,
      'APIGW.0301',
    ],
    [
      'another project in X-Project-Id',
      () => ({ projectId: '0123456789abcdef0123456789abcdef' }),
      403,
      'APIGW.0310',
    ],
  ])('refuses %s', async (_label, options, status, code) => {
    const answer = await signedCall(sim, list(), options(sim));
    expect(answer.status).toBe(status);
    expect(answer.json).toEqual({
      error_code: code,
      error_msg: expect.any(String),
      request_id: expect.stringMatching(REQUEST_ID),
    });
  });

  it('refuses a body that differs from the one signed', async () => {
    const body = JSON.stringify({ image_type: 'private_image', operate_all: true });
    const answer = await signedCall(sim, hss(sim, '/image/batch-scan'), {
      body,
      sentBody: JSON.stringify({ image_type: 'shared_image', operate_all: true }),
    });
    expect(answer.status).toBe(401);
    expect(answer.json.error_code).toBe('APIGW.0301');
  });

  it('accepts a date 14 minutes old, and a temporary key with its security token', async () => {
    const stale = await signedCall(sim, list(), { date: new Date(Date.now() - 14 * 60_000) });
    expect(stale.status).toBe(200);
    const temporary = await signedCall(sim, list(), {
      key: sim.accessKeys.temporary,
      securityToken: sim.accessKeys.temporary.securityToken,
    });
    expect(temporary.status).toBe(200);
  });

  it('refuses a malformed Authorization header, and keeps the token flow working', async () => {
    const answer = await call(sim, list(), {
      headers: { authorization: 'SDK-HMAC-SHA256 Access=x', 'x-sdk-date': formatSdkDate(new Date()) },
    });
    expect(answer.status).toBe(401);
    expect(answer.json.error_code).toBe('APIGW.0301');
    const token = await getToken(sim);
    expect((await call(sim, list(), { token })).status).toBe(200);
  });

  it('counts signed calls like any other', async () => {
    sim.control.resetCallCounts();
    await signedCall(sim, list());
    await signedCall(sim, list(), { key: { ...sim.accessKeys.permanent, secretKey: 'bad' } });
    expect(sim.control.callCounts()['hss.listRegistryImages']).toBe(2);
  });
});
