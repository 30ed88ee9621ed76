// Validation and the audit only read. The gateways they get are cut down to the reads they use, so
// no write is reachable even by a cast, and Exchange refuses any cmdlet that is not a Get-*.
import { isReadCmdlet } from '../tenant/exchange.ts';
import type { ExchangeGateway, GraphGateway } from '../tenant/types.ts';

export type ReadOnlyGraph = Pick<GraphGateway, 'getUsers' | 'findUsers' | 'listSubscribedSkus' | 'listConditionalAccessPolicies' | 'userMemberships'>;

export interface ReadGateways {
  graph: ReadOnlyGraph;
  exchange: ExchangeGateway;
}

export class WriteRefusedError extends Error {
  override name = 'WriteRefusedError';
}

export function readOnlyGateways(gateways: ReadGateways): ReadGateways {
  const { graph, exchange } = gateways;
  return {
    graph: {
      getUsers: (upns, select) => graph.getUsers(upns, select),
      findUsers: (filter, select) => graph.findUsers(filter, select),
      listSubscribedSkus: () => graph.listSubscribedSkus(),
      listConditionalAccessPolicies: () => graph.listConditionalAccessPolicies(),
      userMemberships: (userId) => graph.userMemberships(userId),
    },
    exchange: {
      invoke(cmdlet, parameters) {
        if (!isReadCmdlet(cmdlet)) return Promise.reject(new WriteRefusedError(`validation only reads: ${cmdlet} was refused`));
        return exchange.invoke(cmdlet, parameters);
      },
    },
  };
}
