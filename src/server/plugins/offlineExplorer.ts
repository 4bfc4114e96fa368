import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ReferenceOperation } from '../referenceOperations';

type GraphiQLRenderer = typeof import('@graphql-yoga/render-graphiql');

export interface OfflineExplorerOptions {
  /** Offered as ready tabs, with their typical variables. */
  operations: readonly ReferenceOperation[];
  title?: string;
}

/**
 * The landing page at `/graphql` in a browser: GraphiQL with every script, style and editor worker
 * inlined in one HTML page (`@graphql-yoga/render-graphiql`), so it works on a network without internet,
 * where Apollo's Sandbox (loaded from a CDN) is blank. The reference operations open as tabs.
 */
export function offlineExplorerPlugin(options: OfflineExplorerOptions): ApolloServerPlugin<BaseContext> {
  // The page is ~9 MB: rendered on the first visit, not at every start, and kept.
  let page: Promise<string> | undefined;
  const render = async (): Promise<string> => {
    // Loaded on the first visit, not at every start: parsing the bundle takes a while. `require`, not
    // `import()`, so the CommonJS build loads the same way under node and under jest.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { renderGraphiQL } = require('@graphql-yoga/render-graphiql') as GraphiQLRenderer;
    const tabs = options.operations.map((operation) => ({
      query: operation.document,
      ...(operation.variables !== undefined && { variables: operation.variables }),
    }));
    // GraphiQL fills the editors from `query`/`variables`, not from the first tab: give it the first tab.
    const [first] = tabs;
    return renderGraphiQL({ title: options.title ?? 'Image graph gateway', defaultTabs: tabs, ...first });
  };
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return {
            html: () =>
              (page ??= render().catch((error: unknown) => {
                page = undefined; // try again on the next visit
                throw error;
              })),
          };
        },
      };
    },
  };
}
