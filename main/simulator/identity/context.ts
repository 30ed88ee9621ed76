// Everything the identity endpoints share.
import type { Prng } from '../prng.ts';
import type { StatsCounter } from '../stats.ts';
import type { TenantState } from '../state/tenant.ts';
import type { TokenIssuer } from './issuer.ts';
import type { IdentitySessions } from './sessions.ts';
import type { TokenSigner } from './signing.ts';

export interface DeviceCodeSettings {
  /** Seconds MSAL waits between polls (the "interval" of the device-code answer). */
  intervalSeconds: number;
  /** The poll at which the code is approved by itself (1: the first); null: only when approved through the control surface. */
  approveAfterPolls: number | null;
  expiresInSeconds: number;
}

export interface IdentityContext {
  tenant: TenantState;
  signer: TokenSigner;
  sessions: IdentitySessions;
  issuer: TokenIssuer;
  deviceCode: DeviceCodeSettings;
  stats: StatsCounter;
  requestIds: Prng;
}

/** Tenant names the endpoints accept in their path besides this tenant's id and domains. */
export const MULTI_TENANT_SEGMENTS = new Set(['common', 'organizations']);
