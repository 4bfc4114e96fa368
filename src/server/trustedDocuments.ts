import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { HTTPGraphQLRequest } from '@apollo/server';
import type { ErrorCode } from '../errors/codes';

/**
 * Trusted documents (persisted documents): the operations in `operations/`, compiled by `npm run
 * documents` into a manifest of `sha256:<hex>` → document text. A client sends the id instead of the
 * document, in either standard shape:
 *   - GraphQL over HTTP: `{"documentId": "sha256:<hex>", "variables": …}` (or `?documentId=` on GET);
 *   - Apollo's: `{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "<hex>"}}, …}`.
 * Known ids are swapped for their text before Apollo sees the request. With mode `only` (production),
 * nothing else runs: a free-form document or an unknown id is a 400 with a stable code. With `any`
 * (development), free-form documents run too, and Apollo's automatic persisted queries work as usual.
 */
export type TrustedDocumentsMode = 'any' | 'only';

/** The manifest the client preset writes beside the typed client (see codegen.documents.ts). */
export const DEFAULT_TRUSTED_DOCUMENTS_MANIFEST = path.join(
  __dirname,
  '../../clients/typescript/src/generated/persisted-documents.json',
);

export type TrustedDocumentResolution =
  { ok: true; request: HTTPGraphQLRequest } | { ok: false; status: 400; code: ErrorCode; message: string };

export interface TrustedDocuments {
  mode: TrustedDocumentsMode;
  /** How many documents the manifest holds. */
  size: number;
  /** Swaps a known id for its document; refuses what the mode does not allow; passes the rest on. */
  resolve(request: HTTPGraphQLRequest): TrustedDocumentResolution;
}

const DOCUMENT_ID = /^(?:sha256:)?([0-9a-f]{64})$/;

/** Reads and checks a manifest: every key must be `sha256:` + the hash of its document text. */
export function loadTrustedDocumentsManifest(file: string): Map<string, string> {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`trusted documents manifest ${file} is not a JSON object of id → document`);
  }
  const documents = new Map<string, string>();
  for (const [id, text] of Object.entries(parsed)) {
    const hash = typeof text === 'string' ? createHash('sha256').update(text).digest('hex') : undefined;
    if (hash === undefined || id !== `sha256:${hash}`) {
      throw new Error(`trusted documents manifest ${file}: ${id} is not the sha256 of its document`);
    }
    documents.set(hash, text as string);
  }
  return documents;
}

export function createTrustedDocuments(
  mode: TrustedDocumentsMode,
  manifestFile: string = DEFAULT_TRUSTED_DOCUMENTS_MANIFEST,
): TrustedDocuments {
  const documents = loadTrustedDocumentsManifest(manifestFile);

  function resolve(request: HTTPGraphQLRequest): TrustedDocumentResolution {
    const params = requestParams(request);
    if (!params) {
      // Not a GraphQL request shape Apollo would run (no body object, no GET parameters): Apollo answers.
      return { ok: true, request };
    }
    const id = params.documentId ?? params.persistedQueryHash;
    if (id === undefined) {
      if (mode === 'only' && params.query !== undefined) {
        return refuse(
          'PERSISTED_DOCUMENT_REQUIRED',
          'This server runs trusted documents only: send "documentId" (or extensions.persistedQuery) ' +
            'with the id of a document from its manifest instead of "query".',
        );
      }
      return { ok: true, request };
    }
    const hash = typeof id === 'string' ? DOCUMENT_ID.exec(id)?.[1] : undefined;
    const text = hash === undefined ? undefined : documents.get(hash);
    if (text === undefined) {
      // Apollo's automatic persisted queries register unknown hashes in development: let it answer.
      if (mode === 'any' && params.documentId === undefined) return { ok: true, request };
      return refuse(
        'PERSISTED_DOCUMENT_NOT_FOUND',
        'Unknown document id: send the "sha256:<hex>" id of a document from this server\'s manifest.',
      );
    }
    if (params.query !== undefined && params.query !== text) {
      return refuse('PERSISTED_DOCUMENT_NOT_FOUND', 'The query sent does not match the document id.');
    }
    return { ok: true, request: withDocument(request, text) };
  }

  return { mode, size: documents.size, resolve };
}

function refuse(code: ErrorCode, message: string): TrustedDocumentResolution {
  return { ok: false, status: 400, code, message };
}

interface RequestParams {
  query?: unknown;
  documentId?: unknown;
  persistedQueryHash?: unknown;
}

/** The document-related parameters of a POST body or a GET query string, if any. */
function requestParams(request: HTTPGraphQLRequest): RequestParams | undefined {
  if (request.method === 'GET') {
    const search = new URLSearchParams(request.search);
    if (!search.has('query') && !search.has('documentId') && !search.has('extensions')) return undefined;
    return {
      query: search.get('query') ?? undefined,
      documentId: search.get('documentId') ?? undefined,
      persistedQueryHash: persistedQueryHash(parseJson(search.get('extensions'))),
    };
  }
  const body = request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const fields = body as Record<string, unknown>;
  return {
    query: fields.query,
    documentId: fields.documentId,
    persistedQueryHash: persistedQueryHash(fields.extensions),
  };
}

function persistedQueryHash(extensions: unknown): unknown {
  if (typeof extensions !== 'object' || extensions === null) return undefined;
  const persisted = (extensions as { persistedQuery?: unknown }).persistedQuery;
  if (typeof persisted !== 'object' || persisted === null) return undefined;
  return (persisted as { sha256Hash?: unknown }).sha256Hash;
}

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined; // Apollo reports the malformed parameter itself.
  }
}

/** The request with the document text as `query`, and no id Apollo's own persisted queries would act on. */
function withDocument(request: HTTPGraphQLRequest, text: string): HTTPGraphQLRequest {
  if (request.method === 'GET') {
    const search = new URLSearchParams(request.search);
    search.delete('documentId');
    search.set('query', text);
    const extensions = withoutPersistedQuery(parseJson(search.get('extensions')));
    if (extensions === undefined) search.delete('extensions');
    else search.set('extensions', JSON.stringify(extensions));
    return { ...request, search: `?${search.toString()}` };
  }
  const { documentId: _documentId, extensions, ...rest } = request.body as Record<string, unknown>;
  const kept = withoutPersistedQuery(extensions);
  return { ...request, body: { ...rest, query: text, ...(kept !== undefined && { extensions: kept }) } };
}

function withoutPersistedQuery(extensions: unknown): Record<string, unknown> | undefined {
  if (typeof extensions !== 'object' || extensions === null) return undefined;
  const { persistedQuery: _persistedQuery, ...rest } = extensions as Record<string, unknown>;
  return Object.keys(rest).length > 0 ? rest : undefined;
}
