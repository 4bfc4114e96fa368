/** The typed client: one TypedDocumentNode per operation in operations/, and a fetch helper that sends ids. */
export * from './generated/graphql';
export { documentIdOf, executeTrusted } from './request';
export type { GatewayError, GatewayRequestOptions, GatewayResult } from './request';
