import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GatewayConfig } from '../config/config';

/**
 * Query-shape limits (depth, aliases, tokens, cost) from graphql-armor. Every field here may cost
 * scarce upstream quota, so a single hostile or careless query must not fan out without bound.
 * Field suggestions are blocked outside development so the schema is not enumerable by guessing.
 */
export function createArmor(config: GatewayConfig) {
  const { maxDepth, maxAliases, maxTokens, maxCost } = config.graphql;
  return new ApolloArmor({
    maxDepth: { n: maxDepth },
    maxAliases: { n: maxAliases },
    maxTokens: { n: maxTokens },
    costLimit: { maxCost },
    maxDirectives: { n: 50 },
    blockFieldSuggestion: { enabled: !config.server.developerTools },
  }).protect();
}
