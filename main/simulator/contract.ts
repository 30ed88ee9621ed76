// The simulated Microsoft 365 tenant's public face: how to start it and what a caller gets back.
// It answers on loopback for the Microsoft hosts (see tenant/transport.ts SIMULATED_HOSTS):
//   /login/...     Microsoft Entra ID (OpenID metadata, /{tenant}/oauth2/v2.0/token, devicecode, authorize)
//   /graph/...     Microsoft Graph v1.0 (users, subscribedSkus, assignLicense, places, domains,
//                  identity/conditionalAccess/policies, me/transitiveMemberOf, $batch)
//   /exchange/...  Exchange Online admin REST: POST /adminapi/beta/{tenantId}/InvokeCommand
//   /_simulator/...  the simulator's own control surface (state, stats, seeding misconfigurations)
// Production code reaches it only through simulatorTransport(url): same MSAL, Graph client and
// Exchange client code, same URLs; only the transport differs.

export interface SimulatorOptions {
  /** Listen port; 0 (default) picks a free one. Always 127.0.0.1. */
  port?: number;
  /** Seed of every random choice (faults, ids, jitter): the same seed gives the same run. */
  seed?: number;
  /** Added to every response, in milliseconds. */
  latencyMs?: number;
  /** Share of service requests answered 429 with Retry-After (0 to 1). */
  throttleRate?: number;
  /** Seconds in the Retry-After header of a 429 or 503. Default 1. */
  retryAfterSeconds?: number;
  /** Share of service requests answered 503 (0 to 1). */
  faultRate?: number;
  /** Share of service requests whose connection is reset without an answer (0 to 1). */
  resetRate?: number;
  /** How long a mailbox created in Exchange takes to appear in Entra ID (and Places). Default 0. */
  replicationLagMs?: number;
  /** Seed the tenant with the sample data (domains, SKUs, admins, a few rooms). Default true. */
  sampleData?: boolean;
}

/** Identities the sample tenant knows; tests and practice mode sign in with these. */
export interface SimulatorIdentities {
  tenantId: string;
  /** The initial domain, e.g. contoso.onmicrosoft.com; contoso.com is also verified. */
  tenantDomain: string;
  /** A public client (interactive, device code) with RoomReady's delegated permissions consented. */
  publicClientId: string;
  /** A confidential client with application permissions; its secret is only for tests and practice mode. */
  confidentialClient: { clientId: string; secret: string };
  /** Global Administrator of the sample tenant (delegated sign-ins are auto-approved in the simulator). */
  adminUpn: string;
  /** An admin with too few roles (User Administrator only): for the 403 / missing-role paths. */
  limitedAdminUpn: string;
}

export interface SimulatorStats {
  /** Graph GET (including $batch of GETs) and Exchange Get-* cmdlets. */
  reads: number;
  /** Everything that changes state. */
  writes: number;
  /** Token requests. */
  tokens: number;
  throttled: number;
  faults: number;
  resets: number;
}

export interface RunningSimulator extends SimulatorIdentities {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  stats(): SimulatorStats;
  resetStats(): void;
  stop(): Promise<void>;
}
