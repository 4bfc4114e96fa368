import { createProjectIdSource } from '../../src/auth/projectId';

function tokens(projectId?: string) {
  return { getProjectId: jest.fn(async () => projectId) };
}

/** Whatever authenticates the lookup (token or signature) is passed through to the IAM client. */
const authenticator = { authenticate: jest.fn(), secrets: () => [] };

describe('project id source', () => {
  it('uses the configured id without calling IAM', async () => {
    const iam = { listProjects: jest.fn() };
    const source = createProjectIdSource({
      configured: 'cfg',
      region: 'cn-north-4',
      tokens: tokens('tok-proj'),
      authenticator,
      iam,
    });
    await expect(source()).resolves.toBe('cfg');
    expect(source.known()).toBe('cfg');
    expect(iam.listProjects).not.toHaveBeenCalled();
  });

  it("takes the token's project id when there is one", async () => {
    const iam = { listProjects: jest.fn() };
    const source = createProjectIdSource({
      region: 'cn-north-4',
      tokens: tokens('tok-proj'),
      authenticator,
      iam,
    });
    expect(source.known()).toBeUndefined();
    await expect(source()).resolves.toBe('tok-proj');
    expect(source.known()).toBe('tok-proj');
    expect(iam.listProjects).not.toHaveBeenCalled();
  });

  it('looks the project up by region name once, for concurrent callers', async () => {
    const iam = {
      listProjects: jest.fn(async () => [
        { id: 'other', name: 'cn-north-4_sub' },
        { id: 'p-1', name: 'cn-north-4' },
      ]),
    };
    const source = createProjectIdSource({ region: 'cn-north-4', tokens: tokens(), authenticator, iam });
    await expect(Promise.all([source(), source(), source()])).resolves.toEqual(['p-1', 'p-1', 'p-1']);
    await source();
    expect(iam.listProjects).toHaveBeenCalledTimes(1);
    expect(iam.listProjects).toHaveBeenCalledWith('cn-north-4', authenticator);
  });

  it('fails clearly on no match or several, and tries again next time', async () => {
    const listProjects = jest
      .fn()
      .mockResolvedValueOnce([])
      .mockResolvedValueOnce([
        { id: 'a', name: 'cn-north-4' },
        { id: 'b', name: 'cn-north-4' },
      ])
      .mockResolvedValueOnce([{ id: 'ok', name: 'cn-north-4' }]);
    const source = createProjectIdSource({
      region: 'cn-north-4',
      authenticator,
      iam: { listProjects },
    });
    await expect(source()).rejects.toMatchObject({
      code: 'UPSTREAM_AUTH_FAILED',
      message: expect.stringContaining('no project'),
    });
    await expect(source()).rejects.toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
      message: expect.stringContaining('2 projects'),
    });
    await expect(source()).resolves.toBe('ok');
  });
});
