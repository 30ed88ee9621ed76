// How the app proves itself for app-only sign-in: a certificate (preferred) or a client secret read
// from the environment. A secret is never taken from a command-line argument (shell history,
// process listings) or from a file (it ends up committed next to the site files): the only way to
// give one is ROOMREADY_CLIENT_SECRET, so the type below has no field that could carry it.
import type { AppCertificate } from './certificate.ts';
import { AuthConfigError } from './auth-errors.ts';

export const CLIENT_SECRET_VARIABLE = 'ROOMREADY_CLIENT_SECRET';

export type Environment = Readonly<Record<string, string | undefined>>;

export type AppCredential =
  | { kind: 'certificate'; certificate: AppCertificate }
  /** The secret stays in `env` until the sign-in reads it. */
  | { kind: 'client-secret'; env: Environment; variable?: string };

const WHY_ENVIRONMENT = `RoomReady reads a client secret only from the environment variable ${CLIENT_SECRET_VARIABLE}, never from a command-line argument (shell history, process lists) or a file (it gets copied and committed). Set ${CLIENT_SECRET_VARIABLE}, or better, use a certificate (--certificate).`;

/** Names under which someone might try to pass a secret in flags or a settings object. */
const SECRET_KEYS = /^(?:--?)?(?:client[-_]?secret|secret|app[-_]?secret)$/i;

/** Throws when a secret arrives any other way than the environment (flags, a settings file, an options object). */
export function refuseSecretOutsideEnvironment(values: Readonly<Record<string, unknown>>, source: string): void {
  const key = Object.keys(values).find((name) => SECRET_KEYS.test(name) && values[name] !== undefined && values[name] !== false);
  if (key !== undefined) throw new AuthConfigError(`A client secret was given as "${key}" in ${source}. ${WHY_ENVIRONMENT}`);
}

/** The client secret from the environment; a clear error when it is missing or blank. */
export function clientSecretFromEnvironment(env: Environment, variable: string = CLIENT_SECRET_VARIABLE): string {
  const secret = env[variable];
  if (secret === undefined || secret.trim() === '') {
    throw new AuthConfigError(`App-only sign-in with a client secret needs the secret in the environment variable ${variable}, which is not set.`);
  }
  return secret;
}
