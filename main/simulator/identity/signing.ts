// The simulated identity platform's signing key: one RSA key per simulator, published like Entra's
// (JWKS with kid, x5t and x5c), used to sign every token it issues and to check the tokens Graph
// and Exchange receive. A token from another simulator, or edited by hand, fails the check.
import { createSelfSignedCertificate, type PracticeCertificate, type RsaKeys } from './certificate.ts';
import { decodeJwt, signJwt, verifyJwtSignature, type JwtClaims } from './jwt.ts';

export type TokenCheck = { ok: true; claims: JwtClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

export class TokenSigner {
  private readonly certificate: PracticeCertificate;
  readonly keyId: string;

  constructor(keys?: RsaKeys) {
    this.certificate = createSelfSignedCertificate('RoomReady simulated token signing', keys);
    this.keyId = Buffer.from(this.certificate.thumbprint, 'hex').toString('base64url');
  }

  sign(claims: JwtClaims): string {
    return signJwt({ x5t: this.keyId, kid: this.keyId }, claims, this.certificate.privateKey);
  }

  check(token: string, nowSeconds: number): TokenCheck {
    const decoded = decodeJwt(token);
    if (!decoded || decoded.header.alg !== 'RS256') return { ok: false, reason: 'malformed' };
    if (decoded.header.kid !== this.keyId || !verifyJwtSignature(decoded, this.certificate.publicKey)) return { ok: false, reason: 'signature' };
    const exp = decoded.payload.exp;
    if (typeof exp !== 'number' || exp <= nowSeconds) return { ok: false, reason: 'expired' };
    return { ok: true, claims: decoded.payload };
  }

  /** The discovery keys document (/{tenant}/discovery/v2.0/keys). */
  jwks(issuer: string): { keys: Record<string, unknown>[] } {
    const jwk = this.certificate.publicKey.export({ format: 'jwk' });
    return { keys: [{ kty: 'RSA', use: 'sig', kid: this.keyId, x5t: this.keyId, n: jwk.n, e: jwk.e, x5c: [this.certificate.derBase64], issuer }] };
  }
}
