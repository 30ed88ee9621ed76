// Reading certificate files: PEM (one or many, keys ignored), DER, PFX (password), and every way a
// file can be unusable, each with a message that names the file and never the password.
import { X509Certificate, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CertificateInspectionSchema } from '../../../shared/onsite/results.ts';
import { CertificateFileError, inspectCertificates, type CertificateFileInput } from '../../../main/onsite/certificates/inspect.ts';
import { MAX_CERTIFICATES, MAX_FILE_BYTES } from '../../../main/onsite/certificates/limits.ts';
import { CORPUS_FILES, CORPUS_NOW, CORPUS_PFX_PASSWORD } from '../../fixtures/certs/corpus.ts';
import { corpusCertificate, corpusFile, corpusSha256, type CorpusFile } from './certificates-corpus.ts';

const at = { now: CORPUS_NOW };

function inspectionError(files: CertificateFileInput[], options: Parameters<typeof inspectCertificates>[1] = at): CertificateFileError {
  try {
    inspectCertificates(files, options);
  } catch (error) {
    if (error instanceof CertificateFileError) return error;
    throw error;
  }
  throw new Error('expected a CertificateFileError');
}

describe('certificate formats', () => {
  it('reads a PEM with one certificate and describes it with node:crypto and the ASN.1 fields', () => {
    const result = inspectCertificates([corpusFile('leafPem')], at);
    expect(CertificateInspectionSchema.parse(result)).toEqual(result);
    expect(result.files).toEqual([{ fileName: CORPUS_FILES.leafPem, format: 'pem', count: 1 }]);
    const [leaf] = result.certificates;
    const x509 = corpusCertificate('leafPem');
    expect(leaf).toMatchObject({
      fileName: CORPUS_FILES.leafPem,
      index: 0,
      subject: x509.subject.split('\n').join(', '),
      issuer: x509.issuer.split('\n').join(', '),
      serialNumber: x509.serialNumber,
      notBefore: new Date(x509.validFrom).toISOString(),
      notAfter: new Date(x509.validTo).toISOString(),
      keyType: 'rsa',
      keyBits: 2048,
      signatureAlgorithm: 'sha256WithRSAEncryption',
      keyUsage: ['digitalSignature', 'keyEncipherment'],
      extendedKeyUsage: ['serverAuth', 'clientAuth'],
      isCA: false,
      selfSigned: false,
      hasPrivateKey: false,
      sha256: corpusSha256('leafPem'),
    });
    // node:crypto's own rendering of the names, in the same order.
    expect(leaf!.subjectAltNames.join(', ')).toBe(x509.subjectAltName);
    expect(leaf!.daysLeft).toBe(Math.floor((Date.parse(leaf!.notAfter) - CORPUS_NOW.getTime()) / 86_400_000));
  });

  it('reads every certificate of a PEM bundle in order', () => {
    const result = inspectCertificates([corpusFile('chainPem')], at);
    expect(result.files).toEqual([{ fileName: CORPUS_FILES.chainPem, format: 'pem', count: 3 }]);
    expect(result.certificates.map((c) => c.sha256)).toEqual([corpusSha256('leafPem'), corpusSha256('intermediatePem'), corpusSha256('rootPem')]);
    expect(result.certificates.map((c) => c.index)).toEqual([0, 1, 2]);
    expect(result.certificates[2]).toMatchObject({ isCA: true, selfSigned: true, keyBits: 3072, keyUsage: ['keyCertSign', 'cRLSign'] });
  });

  it('reads DER, and the same certificate as PEM has the same fingerprint', () => {
    const result = inspectCertificates([corpusFile('rootDer'), corpusFile('rootPem')], at);
    expect(result.files.map((f) => f.format)).toEqual(['der', 'pem']);
    expect(result.certificates[0]!.sha256).toBe(result.certificates[1]!.sha256);
    // One certificate, one set of checks, one chain, however many files hold it.
    expect(result.chains).toHaveLength(1);
    expect(new Set(result.checks.map((c) => c.id.split('.')[1])).size).toBe(1);
  });

  it('reads a PFX with its password: the key, the chain, byte-exact certificates', () => {
    const result = inspectCertificates([corpusFile('pfx')], { ...at, pfxPassword: CORPUS_PFX_PASSWORD });
    expect(result.files).toEqual([{ fileName: CORPUS_FILES.pfx, format: 'pfx', count: 3 }]);
    expect(result.certificates.map((c) => c.sha256)).toEqual([corpusSha256('leafPem'), corpusSha256('intermediatePem'), corpusSha256('rootPem')]);
    expect(result.certificates.map((c) => c.hasPrivateKey)).toEqual([true, false, false]);
    expect(result.chains).toEqual([{ path: [corpusSha256('leafPem'), corpusSha256('intermediatePem'), corpusSha256('rootPem')], complete: true, publiclyTrusted: false }]);
  });

  it('describes EC keys by curve and size', () => {
    const result = inspectCertificates([corpusFile('ecP256'), corpusFile('ecP192')], at);
    expect(result.certificates.map(({ keyType, curve, keyBits }) => ({ keyType, curve, keyBits }))).toEqual([
      { keyType: 'ec', curve: 'prime256v1', keyBits: 256 },
      { keyType: 'ec', curve: 'prime192v1', keyBits: 192 },
    ]);
  });

  it('ignores a private key in a PEM and never repeats it', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const keyBody = keyPem.split('\n')[1]!;
    const combined = { fileName: 'with-key.pem', bytes: Buffer.from(keyPem + corpusFile('leafPem').bytes.toString()) };
    const result = inspectCertificates([combined], at);
    expect(result.certificates.map((c) => c.sha256)).toEqual([corpusSha256('leafPem')]);
    expect(JSON.stringify(result)).not.toContain(keyBody);

    const onlyKey = inspectionError([{ fileName: 'key-only.pem', bytes: Buffer.from(keyPem) }]);
    expect(onlyKey.message).toBe('key-only.pem is not a PEM, DER or PFX certificate file (it holds a private key but no CERTIFICATE block)');
    expect(onlyKey.message).not.toContain(keyBody);
  });

  it('reads a PEM saved as UTF-16 by a Windows editor', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(corpusFile('leafPem').bytes.toString(), 'utf16le')]);
    expect(inspectCertificates([{ fileName: 'notepad.cer', bytes: utf16 }], at).certificates[0]!.sha256).toBe(corpusSha256('leafPem'));
  });

  it('every certificate file of the corpus still parses', () => {
    const certificateFiles = (Object.keys(CORPUS_FILES) as CorpusFile[]).filter((key) => !['junk', 'truncatedDer', 'pfx'].includes(key));
    for (const key of certificateFiles) {
      const result = inspectCertificates([corpusFile(key)], at);
      expect(result.certificates.length, CORPUS_FILES[key]).toBeGreaterThan(0);
      expect(() => new X509Certificate(corpusFile(key).bytes)).not.toThrow();
    }
  });
});

describe('unusable certificate files', () => {
  it('a junk file: names the file and what is expected', () => {
    const error = inspectionError([corpusFile('junk')]);
    expect(error).toMatchObject({ fileName: CORPUS_FILES.junk, problem: 'not-a-certificate' });
    expect(error.message).toBe(`${CORPUS_FILES.junk} is not a PEM, DER or PFX certificate file`);
  });

  it('a truncated DER: says it is cut short', () => {
    const error = inspectionError([corpusFile('truncatedDer')]);
    const whole = corpusCertificate('leafPem').raw.length;
    expect(error.message).toBe(
      `${CORPUS_FILES.truncatedDer} is not a PEM, DER or PFX certificate file (it starts like DER but is cut short: ${corpusFile('truncatedDer').bytes.length} of ${whole} bytes)`,
    );
  });

  it('an empty file and a damaged PEM block', () => {
    expect(inspectionError([{ fileName: 'empty.cer', bytes: new Uint8Array() }]).message).toBe('empty.cer is not a PEM, DER or PFX certificate file (it is empty)');
    const pem = corpusFile('leafPem').bytes.toString();
    const damaged = pem.replace(/(\n[A-Za-z0-9+/]{10})/, '$1%%');
    expect(inspectionError([{ fileName: 'bad.pem', bytes: Buffer.from(damaged) }]).message).toBe('bad.pem: certificate 1 is damaged (its PEM block is not base64)');
    const cut = pem.split('\n').filter((_, i) => i !== 3).join('\n');
    expect(inspectionError([{ fileName: 'cut.pem', bytes: Buffer.from(cut) }]).problem).toBe('damaged');
  });

  it('a wrong PFX password: a plain message without the password', () => {
    const password = 'Wr0ng-but-Memorable!';
    const error = inspectionError([corpusFile('pfx')], { ...at, pfxPassword: password });
    expect(error.message).toBe(`${CORPUS_FILES.pfx}: the PFX password is wrong or the file is damaged`);
    expect(error.problem).toBe('pfx-password-wrong');
    expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain(password);
  });

  it('a PFX without a password: asks for it', () => {
    const error = inspectionError([corpusFile('pfx')]);
    expect(error).toMatchObject({ problem: 'pfx-password-needed', message: `${CORPUS_FILES.pfx}: the PFX is protected by a password; give the PFX password` });
  });

  it('a damaged PFX (its MAC no longer matches): the same plain message', () => {
    const bytes = Buffer.from(corpusFile('pfx').bytes);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    const error = inspectionError([{ fileName: 'damaged.pfx', bytes }], { ...at, pfxPassword: CORPUS_PFX_PASSWORD });
    expect(error.message).toBe('damaged.pfx: the PFX password is wrong or the file is damaged');
  });

  it(`refuses more than ${MAX_CERTIFICATES} certificates, in one file or in all`, () => {
    const leaf = corpusFile('leafPem').bytes.toString();
    expect(inspectionError([{ fileName: 'many.pem', bytes: Buffer.from(leaf.repeat(MAX_CERTIFICATES + 1)) }])).toMatchObject({
      problem: 'too-many',
      message: `many.pem holds more than ${MAX_CERTIFICATES} certificates; give at most ${MAX_CERTIFICATES} at a time`,
    });
    expect(() => inspectCertificates([{ fileName: 'fifty.pem', bytes: Buffer.from(leaf.repeat(MAX_CERTIFICATES)) }], at)).not.toThrow();
    const chain = corpusFile('chainPem');
    const files = Array.from({ length: Math.ceil((MAX_CERTIFICATES + 1) / 3) }, (_, i) => ({ fileName: `chain-${i + 1}.pem`, bytes: chain.bytes }));
    const error = inspectionError(files);
    expect(error.problem).toBe('too-many');
    expect(error.fileName).toBe(files[files.length - 1]!.fileName);
  });

  it('refuses a file larger than 5 MB without reading it as a certificate', () => {
    const big = Buffer.alloc(MAX_FILE_BYTES + 1, 0x30);
    expect(inspectionError([{ fileName: 'disk.img', bytes: big }])).toMatchObject({ problem: 'too-large', message: 'disk.img is larger than 5 MB; a certificate file is a few kilobytes' });
  });
});
