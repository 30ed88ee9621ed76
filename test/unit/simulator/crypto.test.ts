// Token signing and certificates: what the identity platform signs verifies with its key and with
// nothing else; practice certificates are real X.509 certificates.
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { certificateCredential, createSelfSignedCertificate, generateRsaKeys, type RsaKeys } from '../../../main/simulator/identity/certificate.ts';
import { base64url, decodeJwt, signJwt, verifyJwtSignature } from '../../../main/simulator/identity/jwt.ts';
import { TokenSigner } from '../../../main/simulator/identity/signing.ts';

let keys: RsaKeys;
let otherKeys: RsaKeys;
beforeAll(async () => {
  [keys, otherKeys] = await Promise.all([generateRsaKeys(), generateRsaKeys()]);
});

describe('practice certificates', () => {
  it('are self-signed X.509 certificates with matching thumbprints', () => {
    const certificate = createSelfSignedCertificate('RoomReady unit test', keys);
    const x509 = new crypto.X509Certificate(certificate.certificatePem);
    expect(x509.subject).toBe('CN=RoomReady unit test');
    expect(x509.verify(certificate.publicKey)).toBe(true);
    expect(certificate.thumbprint).toBe(crypto.createHash('sha1').update(x509.raw).digest('hex').toUpperCase());
    expect(certificateCredential(certificate.certificatePem)).toMatchObject({ thumbprint: certificate.thumbprint, thumbprintSha256: certificate.thumbprintSha256 });
    expect(crypto.createPrivateKey(certificate.privateKeyPem).asymmetricKeyType).toBe('rsa');
  });
});

describe('JWT', () => {
  it('verifies RS256 and PS256 signatures, and nothing tampered with', () => {
    const { privateKey, publicKey } = keys;
    const token = signJwt({ kid: 'k' }, { sub: 'a' }, privateKey);
    const decoded = decodeJwt(token)!;
    expect(decoded.header).toMatchObject({ alg: 'RS256', typ: 'JWT', kid: 'k' });
    expect(verifyJwtSignature(decoded, publicKey)).toBe(true);
    const tampered = decodeJwt(`${token.split('.')[0]}.${base64url(JSON.stringify({ sub: 'b' }))}.${token.split('.')[2]}`)!;
    expect(verifyJwtSignature(tampered, publicKey)).toBe(false);

    const input = `${base64url(JSON.stringify({ alg: 'PS256', typ: 'JWT' }))}.${base64url(JSON.stringify({ iss: 'x' }))}`;
    const pss = crypto.sign('sha256', Buffer.from(input), { key: privateKey, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: crypto.constants.RSA_PSS_SALTLEN_DIGEST });
    expect(verifyJwtSignature(decodeJwt(`${input}.${pss.toString('base64url')}`)!, publicKey)).toBe(true);
    expect(decodeJwt('not.a.jwt')).toBeUndefined();
    expect(decodeJwt('a.b')).toBeUndefined();
  });

  it('TokenSigner accepts its own unexpired tokens and refuses others', () => {
    const signer = new TokenSigner(keys);
    const other = new TokenSigner(otherKeys);
    const now = 1_000_000;
    expect(signer.check(signer.sign({ exp: now + 10 }), now)).toMatchObject({ ok: true });
    expect(signer.check(signer.sign({ exp: now - 1 }), now)).toEqual({ ok: false, reason: 'expired' });
    expect(signer.check(other.sign({ exp: now + 10 }), now)).toEqual({ ok: false, reason: 'signature' });
    expect(signer.check('garbage', now)).toEqual({ ok: false, reason: 'malformed' });
    const jwks = signer.jwks('https://login.microsoftonline.com/t/v2.0');
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', use: 'sig', kid: signer.keyId, x5t: signer.keyId });
  });
});
