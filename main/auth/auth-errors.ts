// The errors the AuthService throws, RoomReady's own (MSAL's types stay inside msal-auth-service.ts
// so MSAL can be replaced). Messages are sentences for people and never hold a token or a secret.
// A missing permission, role, consent or a refused credential is a PermissionError
// (tenant/types.ts); see explain-sign-in-error.ts.

/** The sign-in was set up wrongly (unknown cloud, bad tenant, unusable certificate, secret passed the wrong way). */
export class AuthConfigError extends Error {
  override readonly name = 'AuthConfigError';
}

/** No usable sign-in: nobody signed in yet, or the cached one can no longer be renewed silently. */
export class SignInRequiredError extends Error {
  override readonly name = 'SignInRequiredError';
}

/** The caller cancelled a sign-in (AbortSignal), or the user declined it. */
export class SignInCancelledError extends Error {
  override readonly name = 'SignInCancelledError';
}

/** Any other sign-in failure; `code` is the identity service's or MSAL's error code when there is one. */
export class AuthFailure extends Error {
  override readonly name = 'AuthFailure';
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** How the app proves itself: refused credentials are explained differently for a secret and a certificate. */
export type CredentialKind = 'delegated' | 'certificate' | 'client-secret';
