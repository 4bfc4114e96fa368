import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/**
 * Runs one of the gateway's trusted documents: sends only its id (`documentId`, GraphQL over HTTP
 * persisted documents), never its text, so it works against a gateway that runs trusted documents only.
 */
export interface GatewayRequestOptions {
  /** The gateway's GraphQL endpoint, e.g. `https://gateway.example.com/graphql`. */
  url: string;
  /** Extra headers, e.g. `{ authorization: 'Bearer <key>' }` when the gateway requires an API key. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Defaults to the global `fetch` (browsers, Node ≥ 18). */
  fetch?: typeof fetch;
}

export interface GatewayError {
  message: string;
  path?: ReadonlyArray<string | number>;
  /** `code` is one of the gateway's stable error codes (README "Errors"). */
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GatewayResult<TData> {
  /** HTTP status: 200 also for partial results (field errors in `errors`); 4xx for refused requests. */
  status: number;
  data: TData | null;
  errors: GatewayError[];
}

/** The document's persisted id (`sha256:<hex>`), embedded by the client preset. */
export function documentIdOf(document: TypedDocumentNode<unknown, never>): string {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  if (typeof hash !== 'string') {
    throw new Error('This document has no persisted id: use a document generated in clients/typescript.');
  }
  return hash;
}

export async function executeTrusted<TData, TVariables extends Record<string, unknown>>(
  options: GatewayRequestOptions,
  document: TypedDocumentNode<TData, TVariables>,
  variables?: TVariables,
): Promise<GatewayResult<TData>> {
  const send = options.fetch ?? fetch;
  const response = await send(options.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
    body: JSON.stringify({
      documentId: documentIdOf(document as TypedDocumentNode<unknown, never>),
      variables: variables ?? {},
    }),
    ...(options.signal && { signal: options.signal }),
  });
  const body = (await response.json()) as { data?: TData | null; errors?: GatewayError[] };
  return { status: response.status, data: body.data ?? null, errors: body.errors ?? [] };
}
