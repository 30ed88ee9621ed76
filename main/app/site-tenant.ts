// How a site reaches its tenant. A practice site has its own simulated tenant, signed in from the
// start. Any other site signs in to Microsoft 365 with the CLI's building blocks (settings from the
// environment, MSAL behind the AuthService, the token cache in the host's secret store); sites of
// the same cloud share one sign-in. Statuses never carry a token, only who is signed in.
import { AuthConfigError, AuthFailure, SignInCancelledError } from '../auth/auth-errors.ts';
import type { AuthService, DelegatedAuthService } from '../auth/auth-service.ts';
import { resolveAuthSettings, type AuthSettings } from '../auth/auth-settings.ts';
import { createAuthService } from '../auth/create-auth-service.ts';
import { explainSignInError } from '../auth/explain-sign-in-error.ts';
import { redactSecrets } from '../auth/redact.ts';
import { memorySecretStore, SecretStoreError, type SecretStore } from '../auth/secret-store.ts';
import type { TenantSession } from '../commands/tenant-session.ts';
import { AppError } from '../ipc.ts';
import { connectTenant, type TenantConnection } from '../tenant/connection.ts';
import { fetchTransport, simulatorTransport, type Transport } from '../tenant/transport.ts';
import { PermissionError } from '../tenant/types.ts';
import type { CloudId } from '../../shared/model.ts';
import type { TenantStatus } from '../../shared/ipc.ts';
import type { AppDeps } from './deps.ts';
import { TENANT_ENVIRONMENT, tenantConfigured, tenantFlags } from './tenant-config.ts';

/** What a run needs of a signed-in tenant. */
export type TenantGateways = Pick<TenantConnection, 'graph' | 'exchange' | 'counts'> & { delegated: boolean };

export type SignInMethod = 'device-code' | 'interactive';

export interface SiteTenant {
  status(siteId: string): Promise<TenantStatus>;
  signIn(siteId: string, method: SignInMethod): Promise<TenantStatus>;
  signOut(siteId: string): Promise<TenantStatus>;
  /** The gateways; AppError('not-signed-in') when nobody is signed in. */
  gateways(): Promise<TenantGateways>;
  /** Where a room's own password sign-in goes (the on-site sign-in test); no admin sign-in needed. */
  roomSignInTarget(upn: string): RoomSignInTarget;
}

/** The app registration and tenant a room signs in through, and how requests get there. */
export interface RoomSignInTarget {
  cloud: CloudId;
  tenant: string;
  clientId: string;
  transport: Transport;
}

/** A practice site's tenant: the simulated one, signed in as its Global Administrator. */
export function practiceTenant(session: TenantSession & { running: { url: string } }): SiteTenant {
  const status = async (siteId: string): Promise<TenantStatus> => {
    const account = await session.auth.account();
    return {
      siteId,
      state: 'signed-in',
      cloud: 'simulated',
      practice: true,
      ...(account ? { account: { username: account.username, tenantId: account.tenantId } } : {}),
    };
  };
  return {
    status,
    // Practice is signed in from the start and stays so: there is nothing to sign in to or out of.
    signIn: (siteId) => status(siteId),
    signOut: (siteId) => status(siteId),
    gateways: async () => ({ graph: session.graph, exchange: session.exchange, counts: session.counts, delegated: session.delegated }),
    roomSignInTarget: () => ({
      cloud: 'simulated',
      tenant: session.simulator?.tenantDomain ?? session.settings.tenant ?? 'organizations',
      clientId: session.simulator?.publicClientId ?? session.settings.clientId,
      transport: simulatorTransport(session.running.url),
    }),
  };
}

/** The token cache in the host's store; in memory (with a logged warning) when the store refuses. */
export function tokenCacheStore(store: SecretStore, log: (message: string) => void): SecretStore {
  let fallback: SecretStore | undefined;
  const refuse = (error: unknown): SecretStore => {
    if (!(error instanceof SecretStoreError)) throw error;
    log(`The sign-in is kept in memory only, until RoomReady closes: ${error.message}`);
    fallback = memorySecretStore();
    return fallback;
  };
  return {
    async get() {
      if (fallback) return fallback.get();
      try {
        return await store.get();
      } catch (error) {
        return refuse(error).get();
      }
    },
    async set(data) {
      if (fallback) return fallback.set(data);
      try {
        await store.set(data);
      } catch (error) {
        await refuse(error).set(data);
      }
    },
    async delete() {
      await fallback?.delete();
      await store.delete().catch((error: unknown) => log(`Could not forget the stored sign-in: ${(error as Error).message}`));
    },
  };
}

/** Why a sign-in failed, in words, without anything secret. */
export function signInFailure(error: unknown): string {
  // The AuthService's own errors are already explained, with the app and tenant named.
  if (error instanceof PermissionError || error instanceof AuthConfigError || error instanceof AuthFailure || error instanceof SignInCancelledError) return redactSecrets(error.message);
  const explained = explainSignInError(error);
  if (explained) return explained.message;
  return redactSecrets(error instanceof Error ? error.message : String(error));
}

/** One cloud's sign-in, shared by every site in that cloud. */
export class CloudTenant implements SiteTenant {
  private auth: AuthService | undefined;
  private settings: AuthSettings | undefined;
  private connection: TenantConnection | undefined;
  private signingIn: { controller: AbortController; deviceCode?: NonNullable<TenantStatus['deviceCode']> } | undefined;
  private error: string | undefined;
  private readonly transport: Transport;

  constructor(
    private readonly cloud: CloudId,
    private readonly deps: Pick<AppDeps, 'env' | 'secretStore' | 'emit' | 'openExternal' | 'log' | 'tenantTransport'>,
  ) {
    this.transport = deps.tenantTransport ?? fetchTransport();
  }

  private async service(): Promise<AuthService> {
    if (this.auth) return this.auth;
    if (!tenantConfigured(this.deps.env)) {
      throw new AuthConfigError(`No tenant is configured on this computer: set ${Object.keys(TENANT_ENVIRONMENT)[0]} (and ROOMREADY_TENANT) to your RoomReady app registration, or use practice mode.`);
    }
    this.settings = await resolveAuthSettings(tenantFlags(this.deps.env, this.cloud, false), this.deps.env);
    const name = this.cloud === 'global' ? 'token-cache' : `token-cache-${this.cloud}`;
    this.auth = createAuthService(this.settings, { transport: this.transport, store: tokenCacheStore(this.deps.secretStore(name), this.deps.log) });
    return this.auth;
  }

  async status(siteId: string): Promise<TenantStatus> {
    const base = { siteId, cloud: this.cloud, practice: false } as const;
    if (this.signingIn) return { ...base, state: 'signing-in', ...(this.signingIn.deviceCode ? { deviceCode: this.signingIn.deviceCode } : {}) };
    let account;
    try {
      // A sign-in kept in the token cache from an earlier session counts.
      account = await (await this.service()).account();
    } catch (error) {
      this.error = signInFailure(error);
    }
    if (account) return { ...base, state: 'signed-in', account: { username: account.username, tenantId: account.tenantId } };
    return { ...base, state: 'signed-out', ...(this.error ? { error: this.error } : {}) };
  }

  async signIn(siteId: string, method: SignInMethod): Promise<TenantStatus> {
    if (this.signingIn) throw new AppError('busy', 'A sign-in is already waiting; finish it or wait for it to expire.');
    const controller = new AbortController();
    this.signingIn = { controller };
    this.error = undefined;
    try {
      const auth = await this.service();
      if (auth.kind === 'app-only') {
        await auth.getToken('graph');
      } else if (!(await auth.account())) {
        const delegated = auth as DelegatedAuthService;
        if (method === 'interactive') {
          await delegated.signInInteractively({ openBrowser: (url) => this.deps.openExternal(url), signal: controller.signal });
        } else {
          await delegated.signInWithDeviceCode({
            signal: controller.signal,
            onDeviceCode: (prompt) => {
              // MSAL also calls back with the identity service's refusal (no code): the sign-in then fails with the reason.
              if (!prompt.userCode || Number.isNaN(prompt.expiresAt.getTime())) return;
              this.signingIn = {
                controller,
                deviceCode: { userCode: prompt.userCode, verificationUri: prompt.verificationUri, message: prompt.message, expiresAt: prompt.expiresAt.toISOString() },
              };
              void this.status(siteId).then((status) => this.deps.emit('tenant.changed', status));
            },
          });
        }
      }
    } catch (error) {
      this.error = signInFailure(error);
      this.deps.log(`Sign-in to ${this.cloud} failed: ${this.error}`);
    } finally {
      this.signingIn = undefined;
    }
    const status = await this.status(siteId);
    this.deps.emit('tenant.changed', status);
    return status;
  }

  async signOut(siteId: string): Promise<TenantStatus> {
    this.signingIn?.controller.abort(new Error('signed out'));
    await this.auth?.signOut();
    this.connection = undefined;
    this.error = undefined;
    const status = await this.status(siteId);
    this.deps.emit('tenant.changed', status);
    return status;
  }

  async gateways(): Promise<TenantGateways> {
    const auth = this.auth;
    const account = auth ? await auth.account().catch(() => undefined) : undefined;
    if (!auth || !account || !this.settings) throw new AppError('not-signed-in', `Sign in to the tenant (${this.cloud} cloud) first.`);
    this.connection ??= connectTenant({ auth, cloud: this.settings.cloud, tenantId: this.settings.tenant ?? account.tenantId, transport: this.transport });
    return { graph: this.connection.graph, exchange: this.connection.exchange, counts: this.connection.counts, delegated: this.settings.signIn.kind === 'delegated' };
  }

  roomSignInTarget(upn: string): RoomSignInTarget {
    const clientId = this.deps.env.ROOMREADY_CLIENT_ID?.trim();
    if (!clientId) {
      throw new AppError('not-signed-in', 'No app registration is configured on this computer (ROOMREADY_CLIENT_ID), so the room cannot sign in through RoomReady; use practice mode, or sign in on the console itself.');
    }
    // The room's own domain finds its tenant when no tenant is configured.
    const tenant = this.deps.env.ROOMREADY_TENANT?.trim() || upn.slice(upn.lastIndexOf('@') + 1);
    return { cloud: this.cloud, tenant, clientId, transport: this.transport };
  }

  /** Stops a sign-in that is waiting. */
  close(): void {
    this.signingIn?.controller.abort(new Error('RoomReady is closing'));
  }
}
