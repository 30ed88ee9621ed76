// The simulated tenant for the validation tests: started in process, reached through the real
// Graph and Exchange gateways over simulatorTransport, with tokens from its token endpoint (the
// confidential client for app-only; the password grant for a delegated admin).
import { createExchangeGateway } from '../../main/tenant/exchange.ts';
import { createGraphGateway } from '../../main/tenant/graph.ts';
import { fetchTransport, simulatorTransport } from '../../main/tenant/transport.ts';
import type { ServiceResource } from '../../shared/clouds.ts';
import { CLOUDS } from '../../shared/clouds.ts';
import { scopesFor } from '../../main/auth/cloud-scopes.ts';
import type { RunningSimulator } from '../../main/simulator/contract.ts';
import type { ReadGateways } from '../../main/checks/read-only.ts';

const CLOUD = CLOUDS.simulated;

async function requestToken(sim: RunningSimulator, form: Record<string, string>): Promise<string> {
  const response = await fetch(`${sim.url}/login/${sim.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  const body = (await response.json()) as { access_token?: string; error_description?: string };
  if (!response.ok || !body.access_token) throw new Error(`token request failed (${response.status}): ${body.error_description ?? ''}`);
  return body.access_token;
}

export type SignIn = { kind: 'app' } | { kind: 'user'; upn: string };

export function tokensFor(sim: RunningSimulator, who: SignIn): (resource: ServiceResource) => Promise<string> {
  const cache = new Map<ServiceResource, Promise<string>>();
  return (resource) => {
    let token = cache.get(resource);
    if (!token) {
      token =
        who.kind === 'app'
          ? requestToken(sim, {
              grant_type: 'client_credentials',
              client_id: sim.confidentialClient.clientId,
              client_secret: sim.confidentialClient.secret,
              scope: scopesFor(CLOUD, 'app-only', resource).join(' '),
            })
          : requestToken(sim, {
              grant_type: 'password',
              client_id: sim.publicClientId,
              username: who.upn,
              password: sim.practicePassword,
              scope: scopesFor(CLOUD, 'delegated', resource).join(' '),
            });
      cache.set(resource, token);
    }
    return token;
  };
}

export function gatewaysFor(sim: RunningSimulator, who: SignIn = { kind: 'app' }): ReadGateways {
  const transport = simulatorTransport(sim.url, fetchTransport());
  const tokens = tokensFor(sim, who);
  // Short waits: the simulator answers at once unless a test asks for faults.
  const retry = { baseDelayMs: 10, maxDelayMs: 50 };
  return {
    graph: createGraphGateway({ cloud: CLOUD, tokens, transport, retry }),
    exchange: createExchangeGateway({ cloud: CLOUD, tenantId: sim.tenantId, tokens, transport, retry }),
  };
}
