// App-only sign-in over MSAL's ConfidentialClientApplication: the client credentials grant with a
// certificate (preferred) or a client secret from the environment, for unattended runs.
import { ConfidentialClientApplication } from '@azure/msal-node';
import type { ServiceResource } from '../../shared/clouds.ts';
import { clientSecretFromEnvironment, type AppCredential } from './app-credential.ts';
import type { AppOnlyAuthService, SignedInAccount } from './auth-service.ts';
import { scopesFor } from './cloud-scopes.ts';
import type { AuthFailureContext } from './explain-auth-failure.ts';
import { MsalAuthBase, type AuthServiceOptions } from './msal-base.ts';
import { permissionsInToken } from './token-claims.ts';

export interface AppOnlyAuthOptions extends AuthServiceOptions {
  credential: AppCredential;
}

class MsalAppOnlyAuth extends MsalAuthBase implements AppOnlyAuthService {
  readonly kind = 'app-only' as const;
  private client: ConfidentialClientApplication;
  private readonly credential: AppCredential;
  private tenantId: string;

  constructor(options: AppOnlyAuthOptions) {
    super(options, 'app-only');
    this.credential = options.credential;
    this.tenantId = this.tenant;
    this.client = this.makeClient();
  }

  async getToken(resource: ServiceResource): Promise<string> {
    const scopes = scopesFor(this.cloud, 'app-only', resource);
    try {
      // MSAL answers from the cache while the token is valid, and asks Entra ID otherwise.
      const result = await this.client.acquireTokenByClientCredential({ scopes });
      if (result?.tenantId) this.tenantId = result.tenantId;
      return this.issued(result, resource);
    } catch (error) {
      throw this.translate(error, { resource, scopes, credential: this.credential.kind });
    }
  }

  async account(): Promise<SignedInAccount> {
    return { kind: 'app-only', username: this.clientId, tenantId: this.tenantId };
  }

  async failureContext(resource: ServiceResource): Promise<AuthFailureContext> {
    const granted = await this.getToken(resource).then(permissionsInToken, () => undefined);
    return { signInKind: 'app-only', clientId: this.clientId, ...(granted ? { grantedPermissions: granted } : {}) };
  }

  async signOut(): Promise<void> {
    await this.store.delete();
    this.client = this.makeClient();
  }

  private makeClient(): ConfidentialClientApplication {
    const credential = this.credential;
    if (credential.kind === 'client-secret') {
      const clientSecret = clientSecretFromEnvironment(credential.env, credential.variable);
      this.redactor.remember(clientSecret);
      return new ConfidentialClientApplication(this.configuration({ clientSecret }));
    }
    const { certificate } = credential;
    this.redactor.remember(certificate.privateKeyPem);
    // SHA-256 (x5t#S256, PS256) when the certificate is known; SHA-1 (x5t) only when the user gave
    // nothing else. MSAL deprecates SHA-1; Microsoft Entra ID accepts both.
    const thumbprint = certificate.sha256Thumbprint ? { thumbprintSha256: certificate.sha256Thumbprint } : { thumbprint: certificate.sha1Thumbprint! };
    return new ConfidentialClientApplication(this.configuration({ clientCertificate: { ...thumbprint, privateKey: certificate.privateKeyPem } }));
  }
}

export function createAppOnlyAuth(options: AppOnlyAuthOptions): AppOnlyAuthService {
  return new MsalAppOnlyAuth(options);
}
