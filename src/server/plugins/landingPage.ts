import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { GatewayConfig } from '../../config/config';
import { readReferenceOperations } from '../referenceOperations';
import { offlineExplorerPlugin } from './offlineExplorer';

/**
 * What a browser gets at `/graphql`: nothing without developer tools; else the offline GraphiQL, or
 * Apollo's Sandbox (which loads from Apollo's CDN, so only for people with internet) when asked for.
 */
export function landingPagePlugin(server: GatewayConfig['server']): ApolloServerPlugin<BaseContext> {
  if (!server.developerTools) return ApolloServerPluginLandingPageDisabled();
  if (server.explorer === 'apollo-sandbox') {
    return ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false });
  }
  return offlineExplorerPlugin({ operations: readReferenceOperations() });
}
