// The app's certificate: thumbprints computed here, the key checked against the certificate, clear
// refusals for the files people really have. Certificates are made by openssl for each run.
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateFromPem, loadCertificate } from '../../../main/auth/certificate.ts';

let directory: string;
const pems: Record<string, { certificate: string; key: string }> = {};

function makeCertificate(name: string, keyType: string[]): void {
  const keyPath = join(directory, `${name}.key`);
  const certificatePath = join(directory, `${name}.crt`);
  execFileSync('openssl', ['req', '-x509', ...keyType, '-nodes', '-keyout', keyPath, '-out', certificatePath, '-days', '30', '-subj', `/CN=RoomReady test ${name}`], { stdio: 'ignore' });
  pems[name] = { certificate: readFileSync(certificatePath, 'utf8'), key: readFileSync(keyPath, 'utf8') };
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'roomready-certificate-'));
  makeCertificate('app', ['-newkey', 'rsa:2048']);
  makeCertificate('other', ['-newkey', 'rsa:2048']);
  makeCertificate('ec', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256']);
}, 60_000);
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

const fingerprint = (pem: string, algorithm: 'fingerprint' | 'fingerprint256') => new X509Certificate(pem)[algorithm].replace(/:/g, '').toLowerCase();

describe('certificate', () => {
  it('computes both thumbprints from a PEM holding certificate and key, and gives MSAL a PKCS#8 key', () => {
    const { certificate, key } = pems.app!;
    const loaded = certificateFromPem(`${certificate}\n${key}`, 'app.pem');
    expect(loaded.sha1Thumbprint).toBe(fingerprint(certificate, 'fingerprint'));
    expect(loaded.sha256Thumbprint).toBe(fingerprint(certificate, 'fingerprint256'));
    expect(loaded.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(loaded.notAfter!.getTime()).toBeGreaterThan(Date.now());
  });

  it('accepts the thumbprint the portal shows (SHA-1, any case, with colons) and refuses one of another certificate', () => {
    const { certificate, key } = pems.app!;
    const portal = new X509Certificate(certificate).fingerprint; // "AB:CD:..."
    expect(certificateFromPem(certificate + key, 'app.pem', { thumbprint: portal }).sha1Thumbprint).toBe(fingerprint(certificate, 'fingerprint'));
    const otherThumbprint = new X509Certificate(pems.other!.certificate).fingerprint;
    expect(() => certificateFromPem(certificate + key, 'app.pem', { thumbprint: otherThumbprint })).toThrow(/does not match the certificate in app.pem/);
    expect(() => certificateFromPem(certificate + key, 'app.pem', { thumbprint: 'not-hex' })).toThrow(/not a SHA-1 \(40 hex digits\) or SHA-256/);
  });

  it('uses a key alone when the thumbprint is given', () => {
    const sha1 = fingerprint(pems.app!.certificate, 'fingerprint');
    const loaded = certificateFromPem(pems.app!.key, 'key.pem', { thumbprint: sha1 });
    expect(loaded).toMatchObject({ sha1Thumbprint: sha1 });
    expect(loaded.sha256Thumbprint).toBeUndefined();
    expect(() => certificateFromPem(pems.app!.key, 'key.pem')).toThrow(/holds a private key but no certificate/);
  });

  it('refuses a certificate without its key, with the openssl line for a .pfx', () => {
    expect(() => certificateFromPem(pems.app!.certificate, 'app.cer')).toThrow(/app.cer holds no private key.*openssl pkcs12/s);
  });

  it("refuses another certificate's key", () => {
    expect(() => certificateFromPem(pems.app!.certificate + pems.other!.key, 'mixed.pem')).toThrow(/does not belong to its certificate/);
  });

  it('refuses a key that is not RSA', () => {
    expect(() => certificateFromPem(pems.ec!.certificate + pems.ec!.key, 'ec.pem')).toThrow(/is EC; app certificates for Microsoft Entra ID must be RSA/);
  });

  it('refuses an expired certificate, naming the date', () => {
    const inAYear = new Date(Date.now() + 365 * 86_400_000);
    expect(() => certificateFromPem(pems.app!.certificate + pems.app!.key, 'app.pem', { now: inAYear })).toThrow(/expired on \d{4}-\d{2}-\d{2}/);
  });

  it('loads certificate and key from separate files, and names a missing file', async () => {
    const loaded = await loadCertificate(join(directory, 'app.crt'), { privateKeyPath: join(directory, 'app.key') });
    expect(loaded.sha256Thumbprint).toBe(fingerprint(await readFile(join(directory, 'app.crt'), 'utf8'), 'fingerprint256'));
    await expect(loadCertificate(join(directory, 'missing.pem'))).rejects.toThrow(/Could not read the certificate .*missing.pem: it does not exist/);
  });

  it('never puts the private key in a message', () => {
    const { certificate, key } = pems.app!;
    const body = key.split('\n')[1]!;
    for (const attempt of [() => certificateFromPem(certificate + pems.other!.key, 'x.pem'), () => certificateFromPem(key, 'x.pem')]) {
      expect(attempt).toThrow();
      try {
        attempt();
      } catch (error) {
        expect((error as Error).message).not.toContain(body);
        expect((error as Error).message).not.toContain(pems.other!.key.split('\n')[1]!);
      }
    }
  });
});
