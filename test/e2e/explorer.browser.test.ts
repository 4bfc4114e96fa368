/**
 * The in-browser explorer works without internet: a real Chromium opens `/graphql` with every request to
 * another origin blocked, finds the reference operations as tabs, runs ImageDashboard and shows its data.
 * The screenshot is kept at test-results/explorer.png.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startStack, type Stack } from './harness';
import { waitUntil } from './support/observe';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const SCREENSHOT = path.join(__dirname, '../../test-results/explorer.png');
/** Every operation in operations/, the main page (ImageDashboard) first, then by name. */
const REFERENCE_OPERATIONS = [
  'ImageDashboard',
  ...readdirSync(path.join(__dirname, '../../operations'))
    .filter((file) => file.endsWith('.graphql') && file !== 'ImageDashboard.graphql')
    .map((file) => file.replace(/\.graphql$/, ''))
    .sort(),
];

jest.setTimeout(90_000);

describe('the explorer at /graphql, offline', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is not installed at ${CHROMIUM}; this test drives a real browser. ` +
          'Install it with `apt-get install -y chromium` (CI does), or set CHROMIUM_PATH.',
      );
    }
    stack = await startStack();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-default-apps',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('renders GraphiQL from this server alone, offers the reference operations and runs ImageDashboard', async () => {
    const origin = new URL(stack.gateway.url).origin;
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const foreign: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      foreign.push(url);
      return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(stack.gateway.graphqlUrl);
    await page.locator('.graphiql-container').first().waitFor({ timeout: 30_000 });

    // Every reference operation is a ready tab; the first is ImageDashboard.
    const tabs = page.locator('.graphiql-tab');
    await waitUntil('the tabs are listed', async () => (await tabs.count()) === REFERENCE_OPERATIONS.length);
    expect((await tabs.allInnerTexts()).map((text) => text.trim())).toEqual(REFERENCE_OPERATIONS);
    // The active tab is ImageDashboard, its typical variables filled in.
    expect((await page.locator('.graphiql-tab-active').innerText()).trim()).toBe('ImageDashboard');
    const variables = page.locator('.graphiql-editor-tool .graphiql-editor').first();
    await waitUntil('the variables are shown', async () => (await variables.innerText()).includes('PRIVATE'));

    const answered = page.waitForResponse(
      (response) =>
        response.url().startsWith(stack.gateway.graphqlUrl) &&
        (response.request().postData() ?? '').includes('"operationName":"ImageDashboard"') &&
        (response.request().postData() ?? '').includes('"filter":{"type":"PRIVATE"}'),
    );
    await page.locator('.graphiql-execute-button').click();
    const response = await answered;
    expect(response.status()).toBe(200);
    const body = (await response.json()) as {
      data?: { containerImages: { totalCount: number; nodes: { name: string; tag: string }[] } };
      errors?: unknown[];
    };
    expect(body.errors).toBeUndefined();
    const images = body.data!.containerImages;
    expect(images.totalCount).toBeGreaterThan(0);

    // The result pane shows the data the server sent.
    const result = page.locator('.graphiql-response');
    // The editor renders spaces as no-break spaces and wraps long lines: compare with whitespace folded.
    const shown = async () => (await result.innerText()).replace(/\s+/g, ' ');
    await waitUntil('the result pane shows the data', async () =>
      (await shown()).includes(`"totalCount": ${images.totalCount}`),
    );
    const first = images.nodes[0]!;
    expect(await shown()).toContain(`"name": "${first.name}", "tag": "${first.tag}"`);

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    await context.close();

    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
