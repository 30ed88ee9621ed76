// A simulated tenant and a signed-in connection to it, through the production code paths:
// real MSAL (app-only, client secret from the environment), real gateways, simulatorTransport.
import { resolveAuthSettings } from '../../main/auth/auth-settings.ts';
import { createAuthService } from '../../main/auth/create-auth-service.ts';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../main/simulator/index.ts';
import { connectTenant, type TenantConnection } from '../../main/tenant/connection.ts';
import { simulatorTransport } from '../../main/tenant/transport.ts';

export interface LiveTenant extends TenantConnection {
  simulator: RunningSimulator;
  stop(): Promise<void>;
}

export async function connectToSimulator(simulator: RunningSimulator, concurrency = 16): Promise<TenantConnection> {
  const transport = simulatorTransport(simulator.url);
  const settings = await resolveAuthSettings({}, { ROOMREADY_CLIENT_SECRET: simulator.confidentialClient.secret }, simulator);
  const auth = createAuthService(settings, { transport });
  // Fast retries: the simulator's Retry-After is small, and tests must not wait long.
  return connectTenant({ auth, cloud: settings.cloud, tenantId: simulator.tenantId, transport, concurrency, retry: { maxAttempts: 8, baseDelayMs: 5, maxDelayMs: 200 } });
}

export async function startLiveTenant(options: SimulatorOptions = {}): Promise<LiveTenant> {
  const simulator = await startSimulator({ seed: 7, ...options });
  const connection = await connectToSimulator(simulator);
  return { ...connection, simulator, stop: () => simulator.stop() };
}
