// Which tenant the app signs in to, from the environment (the app has no command line): the same
// settings as the CLI's flags, under these names. ROOMREADY_CLIENT_SECRET is read where the CLI
// reads it (app-credential.ts). Without ROOMREADY_CLIENT_ID no tenant is configured and the app
// offers practice mode first.
import type { Environment } from '../auth/app-credential.ts';
import type { FlagValues } from '../auth/auth-settings.ts';
import type { CloudId } from '../../shared/model.ts';

/** Environment variable -> the CLI flag it stands for. */
export const TENANT_ENVIRONMENT = {
  ROOMREADY_CLIENT_ID: 'client-id',
  ROOMREADY_TENANT: 'tenant',
  ROOMREADY_CERTIFICATE: 'certificate',
  ROOMREADY_CERTIFICATE_THUMBPRINT: 'certificate-thumbprint',
  ROOMREADY_CERTIFICATE_KEY: 'certificate-key',
} as const;

const value = (env: Environment, name: string) => {
  const text = env[name]?.trim();
  return text ? text : undefined;
};

export function tenantConfigured(env: Environment): boolean {
  return value(env, 'ROOMREADY_CLIENT_ID') !== undefined;
}

/** The flags resolveAuthSettings takes, for a site in `cloud`. */
export function tenantFlags(env: Environment, cloud: CloudId, deviceCode: boolean): FlagValues {
  const flags: Record<string, string | boolean> = { cloud };
  for (const [variable, flag] of Object.entries(TENANT_ENVIRONMENT)) {
    const given = value(env, variable);
    if (given !== undefined) flags[flag] = given;
  }
  if (deviceCode) flags['device-code'] = true;
  return flags;
}
