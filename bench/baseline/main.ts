/**
 * The baseline server: Apollo Server 5 standalone, the product's schema, RESTDataSource classes and
 * per-field resolvers. Same environment variables as the gateway (HWC_* endpoints and credentials, PORT,
 * HOST). Prints "listening on <url>" when ready.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDataSources, type BaselineConfig, type BaselineContext } from './dataSources';
import { cicdResolvers } from './cicdResolvers';
import { resolvers } from './resolvers';
import { withVulnerabilityResolvers } from './vulnerabilityResolvers';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`baseline: ${name} is required`);
    process.exit(2);
  }
  return value.replace(/\/+$/, '');
}

async function main(): Promise<void> {
  const config: BaselineConfig = {
    region: required('HWC_REGION'),
    projectId: required('HWC_PROJECT_ID'),
    iam: {
      endpoint: required('HWC_IAM_ENDPOINT'),
      domain: required('HWC_IAM_DOMAIN'),
      user: required('HWC_IAM_USER'),
      password: required('HWC_IAM_PASSWORD'),
    },
    hssEndpoint: required('HWC_HSS_ENDPOINT'),
    swrEndpoint: required('HWC_SWR_ENDPOINT'),
    workspaceEndpoint: required('HWC_WORKSPACE_ENDPOINT'),
  };
  const schemaDir = join(__dirname, '..', '..', 'schema');
  const typeDefs = readdirSync(schemaDir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(join(schemaDir, file), 'utf8'));

  const server = new ApolloServer<BaselineContext>({
    typeDefs,
    resolvers: withVulnerabilityResolvers({
      ...resolvers,
      Query: { ...resolvers.Query, ...cicdResolvers.Query },
      CicdImage: cicdResolvers.CicdImage,
    }),
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: Number(process.env.PORT ?? 4100), host: process.env.HOST ?? '127.0.0.1' },
    context: async () => ({ dataSources: createDataSources(config, { cache: server.cache }) }),
  });
  console.log(`baseline listening on ${url}`);

  const shutdown = (): void => {
    void server.stop().finally(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
