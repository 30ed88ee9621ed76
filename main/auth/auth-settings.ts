// From the command line (--cloud, --tenant, --client-id, --certificate, --certificate-thumbprint,
// --certificate-key, --device-code) and the environment to the settings of a sign-in. Against the
// simulated tenant, the client IDs and the tenant default to the running simulator's identities.
// Which kind: a certificate means app-only; ROOMREADY_CLIENT_SECRET in the environment means
// app-only with that secret; otherwise an admin signs in (in the browser, or by device code).
import type { CloudProfile } from '../../shared/clouds.ts';
import type { SimulatorIdentities } from '../simulator/contract.ts';
import { CLIENT_SECRET_VARIABLE, refuseSecretOutsideEnvironment, type AppCredential, type Environment } from './app-credential.ts';
import { AuthConfigError } from './auth-errors.ts';
import { loadCertificate } from './certificate.ts';
import { cloudProfile } from './cloud-scopes.ts';

export const CERTIFICATE_PASSPHRASE_VARIABLE = 'ROOMREADY_CERTIFICATE_PASSPHRASE';

export type DelegatedMethod = 'interactive' | 'device-code';

export interface AuthSettings {
  cloud: CloudProfile;
  /** Undefined for a delegated sign-in to the admin's own tenant. */
  tenant?: string;
  clientId: string;
  signIn: { kind: 'delegated'; method: DelegatedMethod } | { kind: 'app-only'; credential: AppCredential };
}

export type FlagValues = Readonly<Record<string, string | boolean | undefined>>;

const text = (values: FlagValues, name: string): string | undefined => {
  const value = values[name];
  if (value === undefined || value === false) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new AuthConfigError(`--${name} needs a value.`);
  return value.trim();
};

export async function resolveAuthSettings(values: FlagValues, env: Environment, simulator?: SimulatorIdentities): Promise<AuthSettings> {
  refuseSecretOutsideEnvironment(values, 'the command line');
  const cloud = cloudProfile(text(values, 'cloud') ?? (simulator ? 'simulated' : 'global'));
  if (cloud.simulated && !simulator) throw new AuthConfigError('The simulated cloud needs a simulated tenant: use --simulated or --simulator <url>.');
  const tenant = text(values, 'tenant') ?? simulator?.tenantId;
  const certificatePath = text(values, 'certificate');
  const secretGiven = (env[CLIENT_SECRET_VARIABLE] ?? '').trim() !== '';

  if (certificatePath !== undefined || secretGiven) {
    const clientId = text(values, 'client-id') ?? simulator?.confidentialClient.clientId;
    if (!clientId) throw new AuthConfigError('App-only sign-in needs the app registration: --client-id <Application (client) ID>.');
    if (!tenant) throw new AuthConfigError('App-only sign-in needs the tenant: --tenant <tenant ID or domain>.');
    if (values['device-code']) throw new AuthConfigError('--device-code is for an admin signing in; it does not go with app-only sign-in (--certificate or a client secret).');
    let credential: AppCredential;
    if (certificatePath !== undefined) {
      const thumbprint = text(values, 'certificate-thumbprint');
      const privateKeyPath = text(values, 'certificate-key');
      const keyPassphrase = env[CERTIFICATE_PASSPHRASE_VARIABLE];
      const certificate = await loadCertificate(certificatePath, {
        ...(thumbprint ? { thumbprint } : {}),
        ...(privateKeyPath ? { privateKeyPath } : {}),
        ...(keyPassphrase ? { keyPassphrase } : {}),
      });
      credential = { kind: 'certificate', certificate };
    } else {
      credential = { kind: 'client-secret', env };
    }
    return { cloud, tenant, clientId, signIn: { kind: 'app-only', credential } };
  }

  const clientId = text(values, 'client-id') ?? simulator?.publicClientId;
  if (!clientId) throw new AuthConfigError('Signing in needs the app registration: --client-id <Application (client) ID> (see the README, "Registering the Entra app").');
  return { cloud, ...(tenant ? { tenant } : {}), clientId, signIn: { kind: 'delegated', method: values['device-code'] === true ? 'device-code' : 'interactive' } };
}
