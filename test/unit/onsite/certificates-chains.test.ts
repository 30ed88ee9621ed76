// Chains among the given certificates (leaf first), where they end (a given root, a public root, a
// root this computer trusts), and the exact commands that install a private CA on the console.
import { X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { analyseCertificates, inspectCertificates } from '../../../main/onsite/certificates/inspect.ts';
import { installFileBase, planInstallCommands } from '../../../main/onsite/certificates/install-commands.ts';
import { CORPUS_NAMES, CORPUS_NOW } from '../../fixtures/certs/corpus.ts';
import { mintCertificate } from '../../support/mint-certificate.ts';
import { corpusFile, corpusSha256 } from './certificates-corpus.ts';

const now = CORPUS_NOW;
const ROOT_COMMAND = `certutil -addstore -f -enterprise root "C:\\Skype Room Systems\\x64\\Scripts\\Provisioning\\${CORPUS_NAMES.root}.cer"`;
const CA_COMMAND = `certutil -addstore -f -enterprise CA "C:\\Skype Room Systems\\x64\\Scripts\\Provisioning\\${CORPUS_NAMES.intermediate}.cer"`;

describe('chains', () => {
  it('complete with the root given, leaf first, in whatever order the files come', () => {
    const result = inspectCertificates([corpusFile('rootDer'), corpusFile('leafPem'), corpusFile('intermediatePem')], { now });
    expect(result.chains).toEqual([{ path: [corpusSha256('leafPem'), corpusSha256('intermediatePem'), corpusSha256('rootPem')], complete: true, publiclyTrusted: false }]);
  });

  it('incomplete without the root: stops at the intermediate and names the missing root', () => {
    const result = inspectCertificates([corpusFile('leafPem'), corpusFile('intermediatePem')], { now });
    expect(result.chains).toEqual([{ path: [corpusSha256('leafPem'), corpusSha256('intermediatePem')], complete: false, publiclyTrusted: false }]);
    const missing = result.checks.find((check) => check.id.endsWith('.chain-incomplete'))!;
    expect(missing.id).toBe(`certificate.${corpusSha256('intermediatePem').slice(0, 16)}.chain-incomplete`);
    expect(missing.title).toContain(`"CN=${CORPUS_NAMES.root}, O=Contoso" is missing`);
  });

  it('incomplete with only the leaf: names the missing intermediate', () => {
    const result = inspectCertificates([corpusFile('leafPem')], { now });
    expect(result.chains).toEqual([{ path: [corpusSha256('leafPem')], complete: false, publiclyTrusted: false }]);
    expect(result.checks.map((c) => c.title)).toEqual([`${CORPUS_NAMES.leaf}: the issuer "CN=${CORPUS_NAMES.intermediate}, O=Contoso" is missing`]);
    expect(result.installCommands).toEqual([]);
  });

  it('a public root from Node\'s trusted roots: complete, publicly trusted, nothing to install', () => {
    const pem = rootCertificates.find((candidate) => {
      const x509 = new X509Certificate(candidate);
      return Date.parse(x509.validTo) > now.getTime() && Date.parse(x509.validFrom) < now.getTime();
    })!;
    const result = inspectCertificates([{ fileName: 'public-root.pem', bytes: Buffer.from(pem) }], { now });
    const sha256 = new X509Certificate(pem).fingerprint256.replaceAll(':', '').toLowerCase();
    expect(result.chains).toEqual([{ path: [sha256], complete: true, publiclyTrusted: true }]);
    expect(result.installCommands).toEqual([]);
    expect(result.checks.some((check) => check.id.endsWith('.private-ca'))).toBe(false);
  });

  it('a root trusted on this computer (extraTrustedRootsPem) completes the chain, privately, and is still installed on the console', () => {
    const rootPem = corpusFile('rootPem').bytes.toString();
    const { inspection, installFiles } = analyseCertificates([corpusFile('leafPem'), corpusFile('intermediatePem')], { now, extraTrustedRootsPem: [rootPem] });
    expect(inspection.chains).toEqual([{ path: [corpusSha256('leafPem'), corpusSha256('intermediatePem'), corpusSha256('rootPem')], complete: true, publiclyTrusted: false }]);
    expect(inspection.installCommands.map((c) => c.command)).toEqual([ROOT_COMMAND, CA_COMMAND]);
    const rootCheck = inspection.checks.find((check) => check.id === `certificate.${corpusSha256('rootPem').slice(0, 16)}.private-ca`)!;
    expect(rootCheck.remedy).toContain('trusted on this computer, not among the files given');
    expect(Buffer.from(installFiles[0]!.bytes).equals(corpusFile('rootDer').bytes)).toBe(true);
  });

  it('an unusable extra trusted root is named', () => {
    expect(() => inspectCertificates([corpusFile('leafPem')], { now, extraTrustedRootsPem: ['not a certificate'] })).toThrow('extra trusted root 1 is not a PEM certificate');
  });

  it('one chain per leaf when several leaves share the intermediate', () => {
    const result = inspectCertificates([corpusFile('chainPem'), corpusFile('expired'), corpusFile('weakKey')], { now });
    expect(result.chains.map((chain) => chain.path[0])).toEqual([corpusSha256('leafPem'), corpusSha256('expired'), corpusSha256('weakKey')]);
    expect(result.chains.every((chain) => chain.complete && chain.path.length === 3)).toBe(true);
  });
});

describe('install commands', () => {
  it('root to the Root store, intermediate to the CA store, the exact certutil lines of mtr-facts §4.4', () => {
    const { inspection, installFiles } = analyseCertificates([corpusFile('chainPem')], { now });
    expect(inspection.installCommands).toEqual([
      { sha256: corpusSha256('rootPem'), store: 'Root', file: `C:\\Skype Room Systems\\x64\\Scripts\\Provisioning\\${CORPUS_NAMES.root}.cer`, command: ROOT_COMMAND },
      { sha256: corpusSha256('intermediatePem'), store: 'CA', file: `C:\\Skype Room Systems\\x64\\Scripts\\Provisioning\\${CORPUS_NAMES.intermediate}.cer`, command: CA_COMMAND },
    ]);
    // The .cer files to copy are the certificates themselves, in DER.
    expect(installFiles.map((f) => f.name)).toEqual([`${CORPUS_NAMES.root}.cer`, `${CORPUS_NAMES.intermediate}.cer`]);
    expect(Buffer.from(installFiles[1]!.bytes).equals(new X509Certificate(corpusFile('intermediatePem').bytes).raw)).toBe(true);
  });

  it('no command for a leaf, nor for anything on a publicly trusted chain', () => {
    expect(inspectCertificates([corpusFile('leafPem'), corpusFile('orphanLeaf')], { now }).installCommands).toEqual([]);
  });

  it('a hostile CN becomes a plain file name: nothing a shell reads as syntax', () => {
    const hostile = mintCertificate({ commonName: 'Evil" & calc.exe & "%PATH%$(whoami)`\'^|<>', isCA: true, notBefore: new Date('2026-01-01'), notAfter: new Date('2030-01-01') });
    const result = inspectCertificates([{ fileName: 'hostile.pem', bytes: Buffer.from(hostile.certPem) }], { now });
    const [install] = result.installCommands;
    const name = install!.file.slice(install!.file.lastIndexOf('\\') + 1);
    expect(name).toMatch(/^[A-Za-z0-9 ._-]+\.cer$/);
    expect(install!.command).toBe(`certutil -addstore -f -enterprise root "${install!.file}"`);
    expect(install!.command.match(/"/g)).toHaveLength(2);
  });

  it('two CAs with the same name get different files', () => {
    const a = mintCertificate({ commonName: 'Same Name CA', isCA: true, notBefore: new Date('2026-01-01'), notAfter: new Date('2030-01-01') });
    const b = mintCertificate({ commonName: 'Same Name CA', isCA: true, notBefore: new Date('2026-01-01'), notAfter: new Date('2030-01-01') });
    const files = inspectCertificates([{ fileName: 'a.pem', bytes: Buffer.from(a.certPem + b.certPem) }], { now }).installCommands.map((c) => c.file);
    expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(2);
  });

  it('file names: sanitised, trimmed, never a Windows device name, never empty', () => {
    const sha = 'ab'.repeat(32);
    expect(installFileBase('Contoso Root CA', sha)).toBe('Contoso Root CA');
    expect(installFileBase('Contoso/Root\\CA: 2025?', sha)).toBe('Contoso_Root_CA_ 2025');
    expect(installFileBase('\u00dcn\u00efcode \u2018CA\u2019', sha)).toBe('n_code _CA');
    expect(installFileBase('...', sha)).toBe(`certificate-${sha.slice(0, 16)}`);
    expect(installFileBase(undefined, sha)).toBe(`certificate-${sha.slice(0, 16)}`);
    expect(installFileBase('con', sha)).toBe('con-certificate');
    expect(installFileBase('x'.repeat(200), sha)).toHaveLength(60);
    expect(planInstallCommands([{ sha256: sha, commonName: 'A', store: 'CA' }])[0]!.command).toBe(
      'certutil -addstore -f -enterprise CA "C:\\Skype Room Systems\\x64\\Scripts\\Provisioning\\A.cer"',
    );
  });
});
