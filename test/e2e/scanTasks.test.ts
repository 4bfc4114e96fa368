/**
 * Scan tasks end to end against the simulator: a console starts a task (two HSS calls), sees it running,
 * then finished with its failures; the image list shows the scan without waiting for its cache to expire.
 */
import { operation, serviceCalls, startStack, type Stack } from './harness';

interface TaskNode {
  id: string;
  state: string;
  progressPercent: number | null;
  totalCount: number;
  succeededCount: number;
  failedCount: number;
  failedImages: { name: string; reason: string }[];
}

const IMAGES = `{ containerImages(first: 3, filter: { type: PRIVATE }) { nodes { namespace name tag scan { status } } } }`;

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

it('starts a scan task, reports its progress, then its result and failed images', async () => {
  stack = await startStack({ simulator: { imageCount: 60, scanDurationMs: 600 } });
  const before = await stack.query<{
    containerImages: { nodes: { namespace: string; name: string; tag: string }[] };
  }>(IMAGES);
  const images = before.body.data!.containerImages.nodes;
  stack.resetCalls();

  const started = await stack.query<{ startImageScanTask: { accepted: boolean; task: TaskNode } }>(
    operation('StartImageScanTask'),
    {
      input: {
        images: [
          ...images.map((image) => ({
            type: 'PRIVATE',
            namespace: image.namespace,
            name: image.name,
            tag: image.tag,
          })),
          { type: 'PRIVATE', namespace: 'nobody', name: 'missing', tag: '1' },
        ],
        scope: ['VULNERABILITIES'],
      },
    },
  );
  expect(started.body.errors).toBeUndefined();
  const { task } = started.body.data!.startImageScanTask;
  expect(task).toMatchObject({ state: 'RUNNING', totalCount: 4 });
  expect(serviceCalls(stack.calls())).toEqual({
    'hss.createManualImageScanTask': 1,
    'hss.listImageScanTasks': 1,
  });

  // The start purged the cached image list: the scanned images show SCANNING at once.
  const during = await stack.query<{ containerImages: { nodes: { scan: { status: string } }[] } }>(IMAGES);
  expect(during.body.data!.containerImages.nodes.map((node) => node.scan.status)).toEqual([
    'SCANNING',
    'SCANNING',
    'SCANNING',
  ]);

  await new Promise((resolve) => setTimeout(resolve, 700));
  const listed = await stack.query<{ imageScanTasks: { nodes: TaskNode[] } }>(
    `query($id: ID) { imageScanTasks(filter: { id: $id }) { nodes { id state progressPercent totalCount succeededCount failedCount failedImages { name reason } } } }`,
    { id: task.id },
  );
  expect(listed.body.errors).toBeUndefined();
  const [finished] = listed.body.data!.imageScanTasks.nodes;
  expect(finished).toMatchObject({ id: task.id, state: 'FINISHED', progressPercent: 100, totalCount: 4 });
  expect(finished!.succeededCount + finished!.failedCount).toBe(4);
  expect(finished!.failedImages).toContainEqual({ name: 'missing', reason: 'image not found' });
});

it('refuses an empty image list without "all" before any upstream call', async () => {
  stack = await startStack();
  stack.resetCalls();
  const response = await stack.query(operation('StartImageScanTask'), { input: { images: [] } });
  expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(stack.calls()).toEqual({});
});
