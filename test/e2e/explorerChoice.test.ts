/** Which page a browser gets at /graphql: offline GraphiQL by default, Apollo Sandbox on request, none in production. */
import { request } from 'undici';
import { startStack } from './harness';

async function landingPage(env: Record<string, string>): Promise<{ status: number; html: string }> {
  const stack = await startStack({ env });
  try {
    const response = await request(stack.gateway.graphqlUrl, { headers: { accept: 'text/html' } });
    return { status: response.statusCode, html: await response.body.text() };
  } finally {
    await stack.close();
  }
}

describe('the landing page at /graphql', () => {
  it('is GraphiQL with its scripts inlined by default, and names no CDN', async () => {
    const { status, html } = await landingPage({});
    expect(status).toBe(200);
    expect(html).toContain('renderYogaGraphiQL');
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toContain('embeddable-sandbox.cdn.apollographql.com');
  });

  it('is Apollo Sandbox (from its CDN) when GRAPHQL_EXPLORER=apollo-sandbox', async () => {
    const { status, html } = await landingPage({ GRAPHQL_EXPLORER: 'apollo-sandbox' });
    expect(status).toBe(200);
    expect(html).toContain('embeddable-sandbox.cdn.apollographql.com');
  });

  it('is not served without developer tools', async () => {
    const { html } = await landingPage({ GRAPHQL_DEVELOPER_TOOLS: 'false' });
    expect(html).not.toContain('renderYogaGraphiQL');
    expect(html).not.toContain('embeddable-sandbox');
  });
});
