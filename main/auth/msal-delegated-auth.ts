// Delegated sign-in over MSAL's PublicClientApplication: an admin signs in in the system browser
// (loopback redirect, PKCE, form_post — the only response mode MSAL 7 accepts) or with a device
// code; tokens for Graph and Exchange then come silently from the cache and its refresh token.
import { PublicClientApplication, type AccountInfo, type AuthenticationResult, type DeviceCodeRequest } from '@azure/msal-node';
import type { ServiceResource } from '../../shared/clouds.ts';
import { PermissionError } from '../tenant/types.ts';
import { AuthFailure, SignInCancelledError, SignInRequiredError } from './auth-errors.ts';
import type { DelegatedAuthService, DeviceCodeSignInOptions, InteractiveSignInOptions, Reauthentication, SignedInAccount } from './auth-service.ts';
import { scopesFor } from './cloud-scopes.ts';
import type { AuthFailureContext } from './explain-auth-failure.ts';
import { answerLoopbackWithError } from './loopback-cancel.ts';
import { MsalAuthBase, type AuthServiceOptions } from './msal-base.ts';
import { permissionsInToken } from './token-claims.ts';

export interface DelegatedAuthOptions extends AuthServiceOptions {
  /**
   * How getToken signs in again when the cached sign-in cannot be renewed silently (expired
   * refresh token, MFA demanded). Without it getToken throws SignInRequiredError instead.
   */
  reauthenticate?: Reauthentication;
}

const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const SUCCESS_PAGE = '<!doctype html><meta charset="utf-8"><title>RoomReady</title><p>RoomReady is signed in. You can close this tab and return to RoomReady.</p>';
const ERROR_PAGE = '<!doctype html><meta charset="utf-8"><title>RoomReady</title><p>The sign-in did not complete. Return to RoomReady for details.</p>';

class MsalDelegatedAuth extends MsalAuthBase implements DelegatedAuthService {
  readonly kind = 'delegated' as const;
  private client: PublicClientApplication;
  private homeAccountId: string | undefined;
  private readonly reauthenticate: Reauthentication | undefined;
  /** One interactive renewal at a time, however many getToken calls need it. */
  private renewing: Promise<unknown> | undefined;

  constructor(options: DelegatedAuthOptions) {
    super(options, 'delegated');
    this.reauthenticate = options.reauthenticate;
    this.client = new PublicClientApplication(this.configuration({}));
  }

  async signInInteractively(options: InteractiveSignInOptions): Promise<SignedInAccount> {
    const scopes = scopesFor(this.cloud, 'delegated', 'graph');
    options.signal?.throwIfAborted();
    let authorizeUrl: string | undefined;
    const cancel = () => {
      // MSAL's loopback listener has no cancel: answer it as the browser would, with an error, so
      // it settles and closes its port.
      if (authorizeUrl) void answerLoopbackWithError(authorizeUrl);
    };
    options.signal?.addEventListener('abort', cancel, { once: true });
    try {
      const result = await this.client.acquireTokenInteractive({
        scopes,
        // MSAL drops login_hint when prompt is select_account (Entra refuses the pair): one or the other.
        ...(options.loginHint ? { loginHint: options.loginHint } : { prompt: 'select_account' }),
        ...(options.preferredPort ? { preferredPort: options.preferredPort } : {}),
        successTemplate: SUCCESS_PAGE,
        errorTemplate: ERROR_PAGE,
        openBrowser: async (url) => {
          authorizeUrl = url;
          if (options.signal?.aborted) return cancel();
          await options.openBrowser(url);
        },
      });
      return this.signedIn(result);
    } catch (error) {
      if (options.signal?.aborted) throw new SignInCancelledError('The sign-in was cancelled.');
      throw this.translate(error, { resource: 'graph', scopes, credential: 'delegated' });
    } finally {
      options.signal?.removeEventListener('abort', cancel);
    }
  }

  async signInWithDeviceCode(options: DeviceCodeSignInOptions): Promise<SignedInAccount> {
    const scopes = scopesFor(this.cloud, 'delegated', 'graph');
    options.signal?.throwIfAborted();
    const request: DeviceCodeRequest = {
      scopes,
      deviceCodeCallback: (response) => {
        // MSAL also calls back with the identity service's refusal, which has no code: the sign-in
        // then fails with the reason, and there is nothing to show the user meanwhile.
        if (!response.userCode || !Number.isFinite(response.expiresIn)) return;
        options.onDeviceCode({
          userCode: response.userCode,
          verificationUri: response.verificationUri,
          message: response.message,
          expiresAt: new Date(Date.now() + response.expiresIn * 1000),
        });
      },
    };
    const pending = this.client.acquireTokenByDeviceCode(request);
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => {
        // MSAL checks `cancel` before each poll; the caller need not wait for the next one.
        request.cancel = true;
        reject(new SignInCancelledError('The device code sign-in was cancelled.'));
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
    });
    pending.catch(() => undefined); // settles after a cancel, when nobody listens any more
    aborted.catch(() => undefined);
    try {
      return this.signedIn(await Promise.race([pending, aborted]));
    } catch (error) {
      throw this.translate(error, { resource: 'graph', scopes, credential: 'delegated' });
    } finally {
      if (onAbort) options.signal?.removeEventListener('abort', onAbort);
    }
  }

  async getToken(resource: ServiceResource): Promise<string> {
    try {
      return await this.silentToken(resource);
    } catch (error) {
      const renewable = error instanceof SignInRequiredError || (error instanceof PermissionError && error.status === 401);
      if (!this.reauthenticate || !renewable) throw error;
    }
    await this.renew();
    return this.silentToken(resource);
  }

  /** A token from the cache, renewed with the refresh token when needed; never a sign-in. */
  private async silentToken(resource: ServiceResource): Promise<string> {
    const scopes = scopesFor(this.cloud, 'delegated', resource);
    const account = await this.cachedAccount();
    if (!account) throw new SignInRequiredError('Nobody is signed in: sign in first (interactively, or with a device code).');
    try {
      return this.issued(await this.client.acquireTokenSilent({ account, scopes }), resource);
    } catch (error) {
      throw this.translate(error, { resource, scopes, credential: 'delegated' });
    }
  }

  async account(): Promise<SignedInAccount | undefined> {
    const account = await this.cachedAccount();
    return account ? { kind: 'delegated', username: account.username, tenantId: account.tenantId, ...(account.name ? { name: account.name } : {}) } : undefined;
  }

  async failureContext(resource: ServiceResource): Promise<AuthFailureContext> {
    // Silent only: explaining a refusal must never open a sign-in.
    const granted = await this.silentToken(resource).then(permissionsInToken, () => undefined);
    return { signInKind: 'delegated', clientId: this.clientId, ...(granted ? { grantedPermissions: granted } : {}) };
  }

  async signOut(): Promise<void> {
    try {
      const cache = this.client.getTokenCache();
      for (const account of await cache.getAllAccounts()) await cache.removeAccount(account);
    } catch {
      // A cache that cannot be read (wrong passphrase, locked keyring) is deleted all the same.
    }
    await this.store.delete();
    this.homeAccountId = undefined;
    this.client = new PublicClientApplication(this.configuration({})); // drops what MSAL holds in memory
  }

  private signedIn(result: AuthenticationResult | null): SignedInAccount {
    if (!result?.account) throw new AuthFailure('The sign-in finished without an account.');
    this.redactor.remember(result.accessToken);
    this.homeAccountId = result.account.homeAccountId;
    return { kind: 'delegated', username: result.account.username, tenantId: result.account.tenantId, ...(result.account.name ? { name: result.account.name } : {}) };
  }

  /** The account signed in through this service, else one in the cache (from an earlier run) for this tenant. */
  private async cachedAccount(): Promise<AccountInfo | undefined> {
    let accounts: AccountInfo[];
    try {
      accounts = await this.client.getTokenCache().getAllAccounts();
    } catch (error) {
      throw this.translate(error, { credential: 'delegated' });
    }
    const tenant = this.tenant.toLowerCase();
    // A tenant ID must match; a domain cannot be mapped to its ID offline, so any cached account of
    // this app will do (the cache belongs to one app registration, which lives in one tenant).
    const matches = (account: AccountInfo) => (TENANT_ID.test(tenant) ? account.tenantId.toLowerCase() === tenant : true);
    return accounts.find((account) => account.homeAccountId === this.homeAccountId && matches(account)) ?? accounts.find(matches);
  }

  private async renew(): Promise<void> {
    const reauthenticate = this.reauthenticate!;
    this.renewing ??= (reauthenticate.kind === 'interactive' ? this.signInInteractively(reauthenticate.options) : this.signInWithDeviceCode(reauthenticate.options)).finally(() => {
      this.renewing = undefined;
    });
    await this.renewing;
  }
}

export function createDelegatedAuth(options: DelegatedAuthOptions): DelegatedAuthService {
  return new MsalDelegatedAuth(options);
}
