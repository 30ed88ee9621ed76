// One entry point from resolved settings to an AuthService, for the CLI and the app.
import type { Transport } from '../tenant/transport.ts';
import type { AppOnlyAuthService, DelegatedAuthService, Reauthentication } from './auth-service.ts';
import type { AuthSettings } from './auth-settings.ts';
import type { AuthLog, AuthLogLevel } from './msal-base.ts';
import { createAppOnlyAuth } from './msal-app-only-auth.ts';
import { createDelegatedAuth } from './msal-delegated-auth.ts';
import type { SecretStore } from './secret-store.ts';

export interface AuthServiceDependencies {
  transport: Transport;
  store?: SecretStore;
  log?: AuthLog;
  logLevel?: AuthLogLevel;
  /** Delegated only: how to sign in again when the cached sign-in cannot be renewed silently. */
  reauthenticate?: Reauthentication;
}

export function createAuthService(settings: AuthSettings, dependencies: AuthServiceDependencies): DelegatedAuthService | AppOnlyAuthService {
  const { reauthenticate, ...shared } = dependencies;
  const common = { cloud: settings.cloud, clientId: settings.clientId, ...(settings.tenant ? { tenant: settings.tenant } : {}), ...shared };
  return settings.signIn.kind === 'app-only'
    ? createAppOnlyAuth({ ...common, credential: settings.signIn.credential })
    : createDelegatedAuth({ ...common, ...(reauthenticate ? { reauthenticate } : {}) });
}
