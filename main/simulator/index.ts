// startSimulator: builds the tenant (sample data unless told otherwise), the signing key, the
// services and the control surface, and listens on 127.0.0.1.
import type { PracticeIdentities, RunningSimulator, SimulatorOptions } from './contract.ts';
import { controlRoutes } from './control/routes.ts';
import { TenantControl, type FaultHolder } from './control/tenant-control.ts';
import { exchangeService } from './exchange/service.ts';
import { FaultInjector, faultRates } from './faults.ts';
import { graphService } from './graph/service.ts';
import { jsonResponse } from './http.ts';
import type { IdentityContext } from './identity/context.ts';
import { generateRsaKeys, sharedPracticeCertificate } from './identity/certificate.ts';
import { TokenIssuer } from './identity/issuer.ts';
import { identityRoutes } from './identity/routes.ts';
import { IdentitySessions } from './identity/sessions.ts';
import { TokenSigner } from './identity/signing.ts';
import { randomStreams } from './prng.ts';
import { seedEssentials, seedSampleData } from './sample-data.ts';
import { listen, type Service } from './server.ts';
import { StatsCounter } from './stats.ts';
import { TenantState } from './state/tenant.ts';

export type * from './contract.ts';

function nonNegative(value: number | undefined, name: string, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v < 0) throw new RangeError(`${name} must be 0 or more, got ${value}`);
  return v;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${options.seed}`);
  const streams = randomStreams(seed);
  const faults: FaultHolder = { injector: new FaultInjector(streams.faults, faultRates(options)), latencyMs: nonNegative(options.latencyMs, 'latencyMs', 0) };
  const tenant = new TenantState({
    tenantId: streams.ids.uuid(),
    initialDomain: 'contoso.onmicrosoft.com',
    displayName: 'Contoso (simulated)',
    ids: streams.ids,
    codes: streams.codes,
    replicationLagMs: nonNegative(options.replicationLagMs, 'replicationLagMs', 0),
  });
  // The token-signing key is this simulator's own; RSA keys are made off the main thread.
  const [signingKeys, certificate] = await Promise.all([generateRsaKeys(), sharedPracticeCertificate()]);
  const practice = seedEssentials(tenant, certificate);
  if (options.sampleData ?? true) seedSampleData(tenant);

  const stats = new StatsCounter();
  const signer = new TokenSigner(signingKeys);
  const sessions = new IdentitySessions(streams.codes);
  const identity: IdentityContext = {
    tenant,
    signer,
    sessions,
    issuer: new TokenIssuer(tenant, signer, sessions, nonNegative(options.tokenLifetimeSeconds, 'tokenLifetimeSeconds', 3600)),
    deviceCode: {
      intervalSeconds: nonNegative(options.deviceCodeIntervalSeconds, 'deviceCodeIntervalSeconds', 1),
      approveAfterPolls: options.deviceCodeApprovalPolls === undefined ? 1 : options.deviceCodeApprovalPolls,
      expiresInSeconds: 900,
    },
    stats,
    requestIds: streams.requestIds,
  };
  const control = new TenantControl(tenant, sessions, faults);
  const identities: PracticeIdentities = {
    tenantId: tenant.tenantId,
    tenantDomain: tenant.initialDomain,
    publicClientId: practice.publicClientId,
    confidentialClient: { clientId: practice.confidentialClient.clientId, secret: practice.confidentialClient.secret },
    adminUpn: practice.adminUpn,
    limitedAdminUpn: practice.limitedAdminUpn,
    practiceCertificate: {
      thumbprint: practice.confidentialClient.certificate.thumbprint,
      thumbprintSha256: practice.confidentialClient.certificate.thumbprintSha256,
      privateKeyPem: practice.confidentialClient.certificate.privateKeyPem,
      certificatePem: practice.confidentialClient.certificate.certificatePem,
    },
    practicePassword: practice.practicePassword,
  };

  const plain = (handle: Service['handle']): Service => ({
    faultable: false,
    handle,
    throttled: () => jsonResponse(429, { error: 'throttled' }),
    unavailable: () => jsonResponse(503, { error: 'unavailable' }),
    internalError: () => jsonResponse(500, { error: 'internal_error', error_description: 'The simulator failed to answer.' }),
  });
  const services: Record<string, Service> = {
    login: plain((request) => identityRoutes(identity, request)),
    graph: graphService({ tenant, signer, requestIds: streams.requestIds, faults: faults.injector, stats }),
    exchange: exchangeService({ tenant, signer, requestIds: streams.requestIds, stats }),
    _simulator: plain((request) => controlRoutes({ tenant: control, identities: () => identities, stats: () => stats.snapshot(), resetStats: () => stats.reset() }, request)),
  };
  const server = await listen({ services, undelayed: new Set(['_simulator']), latencyMs: () => faults.latencyMs, faults: faults.injector, stats }, options.port ?? 0);

  return {
    ...identities,
    url: server.url,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    stop: () => server.close(),
    tenant: control,
  };
}
