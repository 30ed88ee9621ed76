// What both MSAL-backed sign-ins share (msal-delegated-auth.ts, msal-app-only-auth.ts): the MSAL
// configuration, the token cache, redaction and the translation of MSAL's errors into RoomReady's.
// These modules are the only ones that know MSAL's types; everything they return or throw is
// RoomReady's (auth-service.ts, auth-errors.ts), so MSAL can be replaced behind the interface.
//
// - Every request leaves through the caller's Transport (msal-network-client.ts). MSAL keeps the
//   cloud's real https authority, whose endpoints it knows without discovery; practice mode and the
//   tests swap the transport for simulatorTransport(url), nothing else.
// - The token cache lives in a SecretStore through a cache plugin (token-cache-plugin.ts).
// - Text that leaves (errors, log lines) passes through a Redactor that knows the client secret, the
//   private key and the tokens handed out.
import { LogLevel, type AuthenticationResult, type Configuration } from '@azure/msal-node';
import type { CloudProfile, ServiceResource } from '../../shared/clouds.ts';
import { PermissionError } from '../tenant/types.ts';
import type { Transport } from '../tenant/transport.ts';
import { CLIENT_SECRET_VARIABLE, refuseSecretOutsideEnvironment } from './app-credential.ts';
import { AuthConfigError, AuthFailure, SignInCancelledError, SignInRequiredError, type CredentialKind } from './auth-errors.ts';
import { ANY_ORGANIZATION, authorityFor, checkTenant, type SignInKind } from './cloud-scopes.ts';
import { explainSignInError } from './explain-sign-in-error.ts';
import { msalNetworkClient } from './msal-network-client.ts';
import { Redactor } from './redact.ts';
import { memorySecretStore, SecretStoreError, type SecretStore } from './secret-store.ts';
import { tokenCachePlugin } from './token-cache-plugin.ts';

export type AuthLogLevel = 'error' | 'warning' | 'info' | 'verbose';
/** Receives MSAL's log lines (never with personal data; tokens and secrets struck out). */
export type AuthLog = (level: AuthLogLevel, message: string) => void;

export interface AuthServiceOptions {
  cloud: CloudProfile;
  /** Tenant ID or domain; delegated sign-in defaults to "organizations" (the admin's own tenant). */
  tenant?: string;
  clientId: string;
  /** fetchTransport() for Microsoft 365; simulatorTransport(url) for the simulated tenant. */
  transport: Transport;
  /** Where the token cache rests; memory when not given. */
  store?: SecretStore;
  log?: AuthLog;
  /** The lowest level passed to `log`; default 'warning'. */
  logLevel?: AuthLogLevel;
}

const LOG_LEVELS: Readonly<Record<AuthLogLevel, LogLevel>> = {
  error: LogLevel.Error,
  warning: LogLevel.Warning,
  info: LogLevel.Info,
  verbose: LogLevel.Verbose,
};
const LEVEL_NAMES = new Map<LogLevel, AuthLogLevel>(Object.entries(LOG_LEVELS).map(([name, level]) => [level, name as AuthLogLevel]));

/** What both kinds of sign-in share: configuration, cache, redaction and error translation. */
export abstract class MsalAuthBase {
  readonly cloud: CloudProfile;
  protected readonly tenant: string;
  protected readonly clientId: string;
  protected readonly store: SecretStore;
  protected readonly redactor = new Redactor();
  private readonly transport: Transport;
  private readonly log: AuthLog | undefined;
  private readonly logLevel: AuthLogLevel;

  constructor(options: AuthServiceOptions, kind: SignInKind) {
    // Options may come from JSON or plain JavaScript: a secret put there is refused, not ignored.
    refuseSecretOutsideEnvironment(options as unknown as Record<string, unknown>, 'the sign-in options');
    this.cloud = options.cloud;
    if (options.tenant === undefined && kind === 'app-only') throw new AuthConfigError('App-only sign-in needs the tenant: --tenant <tenant ID or domain>.');
    this.tenant = checkTenant(options.tenant ?? ANY_ORGANIZATION, kind);
    if (!/^[A-Za-z0-9._-]{1,100}$/.test(options.clientId)) throw new AuthConfigError(`"${options.clientId}" is not a client ID: give the app registration's Application (client) ID.`);
    this.clientId = options.clientId;
    this.transport = options.transport;
    this.store = options.store ?? memorySecretStore();
    this.log = options.log;
    this.logLevel = options.logLevel ?? 'warning';
  }

  protected configuration(auth: Partial<Configuration['auth']>): Configuration {
    const log = this.log;
    return {
      auth: { clientId: this.clientId, authority: authorityFor(this.cloud, this.tenant), ...auth },
      cache: { cachePlugin: tokenCachePlugin(this.store) },
      system: {
        networkClient: msalNetworkClient(this.transport),
        loggerOptions: {
          piiLoggingEnabled: false,
          logLevel: LOG_LEVELS[this.logLevel],
          loggerCallback: (level, message, containsPii) => {
            if (log && !containsPii) log(LEVEL_NAMES.get(level) ?? 'verbose', this.redactor.redact(message));
          },
        },
      },
    };
  }

  /** Hands a token out, remembering it so it is struck from any later message. */
  protected issued(result: AuthenticationResult | null, resource: ServiceResource): string {
    if (!result?.accessToken) throw new AuthFailure(`No access token came back for ${resource}.`);
    this.redactor.remember(result.accessToken);
    return result.accessToken;
  }

  /** Any failure, as RoomReady's error with a redacted message. */
  protected translate(error: unknown, context: { resource?: ServiceResource; scopes?: readonly string[]; credential: CredentialKind }): Error {
    if (
      error instanceof PermissionError ||
      error instanceof AuthConfigError ||
      error instanceof SecretStoreError ||
      error instanceof SignInCancelledError ||
      error instanceof SignInRequiredError ||
      error instanceof AuthFailure
    ) {
      return error;
    }
    const explained = explainSignInError(error, {
      ...context,
      clientId: this.clientId,
      tenant: this.tenant,
      cloud: this.cloud.label,
      secretVariable: CLIENT_SECRET_VARIABLE,
    });
    if (explained) return new PermissionError(this.redactor.redact(explained.message), explained.service, explained.status, explained.missing);
    const code = (error as { errorCode?: unknown }).errorCode;
    const raw = error instanceof Error ? error.message : String(error);
    // MSAL wraps a server's answer as "code: Error(s): ... - Description: <what it said> - Correlation ID: ...".
    const description = /Description: ([\s\S]*?) - Correlation ID/.exec(raw)?.[1];
    const message = this.redactor.redact(description && typeof code === 'string' ? `${code}: ${description}` : raw);
    if ((error as { name?: unknown }).name === 'InteractionRequiredAuthError' || code === 'no_tokens_found') {
      return new SignInRequiredError(`The sign-in must be renewed (${message}). Sign in again.`);
    }
    if (code === 'device_code_polling_cancelled') return new SignInCancelledError('The device code sign-in was cancelled.');
    if (code === 'device_code_expired') return new AuthFailure('The device code expired before the sign-in was finished. Start the sign-in again.', code);
    if (/authorization_declined|access_denied/.test(message)) return new SignInCancelledError('The sign-in was declined at the sign-in page.');
    return new AuthFailure(`Sign-in failed: ${message}`, typeof code === 'string' ? code : undefined);
  }
}
