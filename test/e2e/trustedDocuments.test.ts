/**
 * Trusted documents over HTTP: with GRAPHQL_TRUSTED_DOCUMENTS=only the gateway runs the documents of its
 * manifest by id (GraphQL over HTTP `documentId`, or Apollo's `extensions.persistedQuery`) and refuses
 * anything else with a 400 and a stable code, before any upstream call; by default it runs both.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'graphql';
import { request } from 'undici';
import {
  documentIdOf,
  executeTrusted,
  ImageDashboardDocument,
  ImageDetailDocument,
  type ImageDetailQuery,
} from '../../clients/typescript/src';
import { loadConfig } from '../../src/config/config';
import {
  DEFAULT_TRUSTED_DOCUMENTS_MANIFEST,
  loadTrustedDocumentsManifest,
} from '../../src/server/trustedDocuments';
import { errorCodes, operation, serviceCalls, startStack, type GraphQLResponse, type Stack } from './harness';

const totalCalls = (calls: Record<string, number>) =>
  Object.values(serviceCalls(calls)).reduce((sum, count) => sum + count, 0);

/** POSTs any JSON body to the gateway. */
async function post(stack: Stack, body: unknown) {
  const response = await request(stack.gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.statusCode,
    body: (await response.body.json()) as GraphQLResponse['body'],
  };
}

const hexOf = (id: string) => id.replace(/^sha256:/, '');

describe('the manifest', () => {
  it('holds every operation in operations/, each under the sha256 of its text', () => {
    const manifest = loadTrustedDocumentsManifest(DEFAULT_TRUSTED_DOCUMENTS_MANIFEST);
    const operationFiles = readdirSync(path.join(__dirname, '../../operations')).filter((file) =>
      file.endsWith('.graphql'),
    );
    const names = [...manifest.values()].map((text) => {
      const [definition] = parse(text).definitions;
      return definition?.kind === 'OperationDefinition' ? definition.name?.value : undefined;
    });
    expect(names.sort()).toEqual(operationFiles.map((file) => file.replace(/\.graphql$/, '')).sort());
    for (const [hash, text] of manifest) expect(createHash('sha256').update(text).digest('hex')).toBe(hash);
    // The typed client carries the same ids.
    expect(manifest.has(hexOf(documentIdOf(ImageDashboardDocument)))).toBe(true);
  });

  it('is refused at start when an id does not match its document', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'trusted-')), 'manifest.json');
    writeFileSync(file, JSON.stringify({ [`sha256:${'0'.repeat(64)}`]: '{ __typename }' }));
    expect(() => loadTrustedDocumentsManifest(file)).toThrow(/is not the sha256 of its document/);
  });

  it('is a setting with two values; anything else stops the process naming the variable', () => {
    expect(loadConfig({}).graphql.trustedDocuments).toBe('any');
    expect(loadConfig({ GRAPHQL_TRUSTED_DOCUMENTS: 'only' }).graphql.trustedDocuments).toBe('only');
    expect(() => loadConfig({ GRAPHQL_TRUSTED_DOCUMENTS: 'yes' })).toThrow(/GRAPHQL_TRUSTED_DOCUMENTS/);
  });
});

describe('GRAPHQL_TRUSTED_DOCUMENTS=only', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ simulator: { imageCount: 60 }, env: { GRAPHQL_TRUSTED_DOCUMENTS: 'only' } });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.resetCalls());

  it('runs a document the typed client sends by documentId', async () => {
    const result = await executeTrusted({ url: stack.gateway.graphqlUrl }, ImageDashboardDocument, {
      first: 5,
    });
    expect(result.status).toBe(200);
    expect(result.errors).toEqual([]);
    expect(result.data?.containerImages.nodes).toHaveLength(5);
    expect(totalCalls(stack.calls())).toBeGreaterThan(0);
  });

  it("runs Apollo's persisted-query shape, and documentId on GET", async () => {
    const list = await executeTrusted({ url: stack.gateway.graphqlUrl }, ImageDashboardDocument, {
      first: 1,
    });
    const id = list.data!.containerImages.nodes[0]!.id;

    const apolloShape = await post(stack, {
      variables: { id },
      extensions: { persistedQuery: { version: 1, sha256Hash: hexOf(documentIdOf(ImageDetailDocument)) } },
    });
    expect(apolloShape.status).toBe(200);
    expect(apolloShape.body.errors).toBeUndefined();
    expect((apolloShape.body.data as ImageDetailQuery).containerImage?.id).toBe(id);

    const search = new URLSearchParams({
      documentId: documentIdOf(ImageDetailDocument),
      variables: JSON.stringify({ id }),
    });
    const get = await request(`${stack.gateway.graphqlUrl}?${search.toString()}`, {
      // Apollo's CSRF prevention wants a header a browser form cannot send.
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(get.statusCode).toBe(200);
    const body = (await get.body.json()) as { data: ImageDetailQuery };
    expect(body.data.containerImage?.id).toBe(id);
  });

  it('refuses a free-form document with 400 PERSISTED_DOCUMENT_REQUIRED, before any upstream call', async () => {
    const response = await stack.query(operation('ImageDashboard'), { first: 5 });
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['PERSISTED_DOCUMENT_REQUIRED']);
    expect(response.body.errors![0]!.message).toMatch(/documentId/);

    const get = await request(`${stack.gateway.graphqlUrl}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(get.statusCode).toBe(400);
    expect(
      ((await get.body.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe('PERSISTED_DOCUMENT_REQUIRED');
    expect(totalCalls(stack.calls())).toBe(0);
  });

  it('refuses unknown ids, Apollo registrations and a query that does not match its id', async () => {
    const unknown = 'a'.repeat(64);
    const cases = [
      { documentId: `sha256:${unknown}` },
      { documentId: 'ImageDashboard' },
      { documentId: 42 },
      // Automatic persisted queries would register this document; trusted documents never do.
      { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: unknown } } },
      { query: '{ __typename }', documentId: documentIdOf(ImageDashboardDocument) },
    ];
    for (const body of cases) {
      const response = await post(stack, body);
      expect({ body, status: response.status, codes: errorCodes(response) }).toEqual({
        body,
        status: 400,
        codes: ['PERSISTED_DOCUMENT_NOT_FOUND'],
      });
    }
    expect(totalCalls(stack.calls())).toBe(0);
  });
});

describe('by default (development)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ simulator: { imageCount: 60 } });
  });
  afterAll(() => stack.close());

  it('runs free-form documents and trusted ids alike, and refuses an unknown documentId', async () => {
    const freeForm = await stack.query('{ containerImages(first: 2) { totalCount } }');
    expect(freeForm.status).toBe(200);
    expect(freeForm.body.errors).toBeUndefined();

    const trusted = await executeTrusted({ url: stack.gateway.graphqlUrl }, ImageDashboardDocument, {
      first: 2,
    });
    expect(trusted.data?.containerImages.nodes).toHaveLength(2);

    const unknown = await post(stack, { documentId: `sha256:${'b'.repeat(64)}` });
    expect(unknown.status).toBe(400);
    expect(errorCodes(unknown)).toEqual(['PERSISTED_DOCUMENT_NOT_FOUND']);
  });

  it("leaves Apollo's automatic persisted queries working for unknown hashes", async () => {
    const document = '{ containerImages(first: 1) { totalCount } }';
    const hash = createHash('sha256').update(document).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
    const notYet = await post(stack, { extensions });
    expect(errorCodes(notYet)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    const registered = await post(stack, { query: document, extensions });
    expect(registered.body.errors).toBeUndefined();
    const byHash = await post(stack, { extensions });
    expect(byHash.body.data).toEqual(registered.body.data);
  });
});
