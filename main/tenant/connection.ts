// A signed-in connection to a tenant: the AuthService, the Graph and Exchange gateways sharing one
// limiter and one retry policy, and the request counts. The CLI, the app and the tests all connect
// through here; the simulated tenant is only a different transport.
import type { AuthService } from '../auth/auth-service.ts';
import type { CloudProfile } from '../../shared/clouds.ts';
import { createExchangeGateway } from './exchange.ts';
import { createGraphGateway, type RoomReadyGraphGateway } from './graph.ts';
import { createLimiter } from './limiter.ts';
import { RetryPolicy, type RetryOptions } from './retry.ts';
import { countRequests, type RequestCounts, type Transport } from './transport.ts';
import type { ExchangeGateway, TokenProvider } from './types.ts';

export interface TenantConnection {
  auth: AuthService;
  graph: RoomReadyGraphGateway;
  exchange: ExchangeGateway;
  /** Reads and writes sent so far (token requests excluded). */
  counts: RequestCounts;
}

export interface ConnectOptions {
  auth: AuthService;
  cloud: CloudProfile;
  /** Tenant ID or initial domain: the Exchange endpoint is per tenant. */
  tenantId: string;
  transport: Transport;
  /** Requests in flight at once, across both services. Default 16. */
  concurrency?: number;
  retry?: RetryOptions;
}

export function connectTenant(options: ConnectOptions): TenantConnection {
  const { transport, counts } = countRequests(options.transport);
  const limiter = createLimiter(options.concurrency ?? 16);
  const retry = new RetryPolicy(options.retry);
  // Bound: AuthService implementations may rely on `this`.
  const tokens: TokenProvider = (resource) => options.auth.getToken(resource);
  return {
    auth: options.auth,
    graph: createGraphGateway({ cloud: options.cloud, tokens, transport, retry, limiter }),
    exchange: createExchangeGateway({ cloud: options.cloud, tenantId: options.tenantId, tokens, transport, retry, limiter }),
    counts,
  };
}
