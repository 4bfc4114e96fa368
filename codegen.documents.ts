import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The frontends' operations (operations/*.graphql) compiled by codegen's client preset into a typed
 * client (clients/typescript/src/generated/) and, beside it, `persisted-documents.json`: the trusted
 * documents manifest, each document keyed by the sha256 of its normalized text. The gateway loads that
 * manifest (GRAPHQL_TRUSTED_DOCUMENTS); clients send the hash instead of the document.
 * `npm run documents` writes both; `npm run documents:check` fails CI when they are stale.
 */
const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  documents: 'operations/*.graphql',
  generates: {
    'clients/typescript/src/generated/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        // What the gateway serializes: DateTime as an ISO-8601 string, SafeInt as a number.
        scalars: { DateTime: 'string', SafeInt: 'number' },
      },
    },
  },
};

export default config;
