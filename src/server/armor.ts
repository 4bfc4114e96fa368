import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ParseOptions } from 'graphql';
import type { GatewayConfig } from '../config/config';

/**
 * Query-shape limits (depth, aliases, cost) from graphql-armor. Every field here may cost
 * scarce upstream quota, so a single hostile or careless query must not fan out without bound.
 * Field suggestions are blocked outside development so the schema is not enumerable by guessing.
 *
 * The token limit is not armor's: its Apollo plugin re-parses the document in a plugin hook, so any
 * syntax error (an unclosed brace, a stray byte, one token too many) became an HTTP 500. graphql-js
 * enforces the same limit in Apollo's own parse step (`tokenLimitParseOptions`), which answers 400
 * GRAPHQL_PARSE_FAILED.
 */
export function createArmor(config: GatewayConfig) {
  const { maxDepth, maxAliases, maxCost } = config.graphql;
  return new ApolloArmor({
    maxDepth: { n: maxDepth },
    maxAliases: { n: maxAliases },
    maxTokens: { enabled: false },
    costLimit: { maxCost },
    maxDirectives: { n: 50 },
    blockFieldSuggestion: { enabled: !config.server.developerTools },
  }).protect();
}

/** Apollo `parseOptions`: the parser stops after `GRAPHQL_MAX_TOKENS` tokens with a syntax error. */
export function tokenLimitParseOptions(config: GatewayConfig): ParseOptions {
  return { maxLexicalTokens: config.graphql.maxTokens };
}
