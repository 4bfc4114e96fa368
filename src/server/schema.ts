/**
 * The SDL (schema/*.graphql, the contract) and the resolvers, for Apollo Server: pass `typeDefs` and
 * `resolvers`, or the ready `schema`. The SDL is read at start-up from the package root, so this works
 * from `src/server` (tsx, jest) and from compiled `dist/server` alike.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { resolvers } from '../resolvers';

export const SCHEMA_DIR = path.join(__dirname, '../../schema');

function loadTypeDefs(dir: string): DocumentNode {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort();
  const sdl = files.map((file) => readFileSync(path.join(dir, file), 'utf8')).join('\n');
  return parse(sdl);
}

export const typeDefs: DocumentNode = loadTypeDefs(SCHEMA_DIR);

/** A short hash of the SDL: cached responses of one schema are never served by another. */
export const schemaVersion = createHash('sha256')
  .update(typeDefs.loc?.source.body ?? '')
  .digest('base64url')
  .slice(0, 12);

export { resolvers };

export function buildGatewaySchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs,
    resolvers,
    resolverValidationOptions: { requireResolversToMatchSchema: 'error' },
  });
}
