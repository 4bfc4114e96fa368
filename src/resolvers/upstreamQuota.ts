/** `upstreamQuota`: the budget per upstream API, read from the pipeline without an upstream call. */
import type { QueryResolvers } from '../generated/graphql';
import { countLiveData } from '../upstream/transport/callTally';

export const upstreamQuotaQueries: Pick<QueryResolvers, 'upstreamQuota'> = {
  upstreamQuota: (_root, _args, { quota }) => {
    countLiveData(); // changes with every call: a response showing it is never reused
    return quota();
  },
};
