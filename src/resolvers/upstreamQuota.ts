/** `upstreamQuota`: the budget per upstream API, read from the pipeline without an upstream call. */
import type { QueryResolvers } from '../generated/graphql';

export const upstreamQuotaQueries: Pick<QueryResolvers, 'upstreamQuota'> = {
  upstreamQuota: (_root, _args, { quota }) => quota(),
};
