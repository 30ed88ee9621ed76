// RoomReady's identity interface. The gateways, the engine, the CLI and the window depend on this,
// never on MSAL: MSAL Node's next major may drop public clients (AzureAD PR #8836), and the
// implementation behind this interface (msal-auth-service.ts) is the only thing that would change.
import type { CloudProfile, ServiceResource } from '../../shared/clouds.ts';
import type { TokenProvider } from '../tenant/types.ts';
import type { SignInKind } from './cloud-scopes.ts';
import type { AuthFailureContext } from './explain-auth-failure.ts';

/** Who is signed in, for display. Never holds a token. */
export interface SignedInAccount {
  kind: SignInKind;
  /** The admin's UPN, or the app's client ID for app-only. */
  username: string;
  tenantId: string;
  /** The admin's display name, when known. */
  name?: string;
}

/** What the user needs to finish a device code sign-in on another device. */
export interface DeviceCodePrompt {
  userCode: string;
  verificationUri: string;
  /** Microsoft's own sentence: "To sign in, use a web browser to open the page ... and enter the code ...". */
  message: string;
  expiresAt: Date;
}

export interface InteractiveSignInOptions {
  /** Opens the sign-in page in the system browser: Electron's shell.openExternal in the app. */
  openBrowser(url: string): Promise<void>;
  /** Pre-fills the account at the sign-in page. */
  loginHint?: string;
  /** Cancels the sign-in; the loopback listener is closed. */
  signal?: AbortSignal;
  /** A fixed loopback port (else any free one); the app registration lists http://localhost. */
  preferredPort?: number;
}

export interface DeviceCodeSignInOptions {
  /** Called once with the code to show. */
  onDeviceCode(prompt: DeviceCodePrompt): void;
  /** Cancels the sign-in: polling stops. */
  signal?: AbortSignal;
}

/** How delegated sign-in happens again when a cached one can no longer be renewed silently. */
export type Reauthentication = { kind: 'interactive'; options: InteractiveSignInOptions } | { kind: 'device-code'; options: DeviceCodeSignInOptions };

export interface AuthService {
  readonly kind: SignInKind;
  readonly cloud: CloudProfile;
  /** An access token for the service: from the cache when still valid, else renewed. Usable as the gateways' TokenProvider. */
  getToken: TokenProvider;
  /** Who is signed in (undefined when nobody is yet). */
  account(): Promise<SignedInAccount | undefined>;
  /** What explainAuthFailure needs to tell a missing permission from a missing role for this sign-in. */
  failureContext(resource: ServiceResource): Promise<AuthFailureContext>;
  /** Forgets the sign-in: the token cache is cleared, in memory and in its store. */
  signOut(): Promise<void>;
}

export interface DelegatedAuthService extends AuthService {
  readonly kind: 'delegated';
  signInInteractively(options: InteractiveSignInOptions): Promise<SignedInAccount>;
  signInWithDeviceCode(options: DeviceCodeSignInOptions): Promise<SignedInAccount>;
}

export interface AppOnlyAuthService extends AuthService {
  readonly kind: 'app-only';
}
