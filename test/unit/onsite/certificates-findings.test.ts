// What the certificate tool warns about, one corpus file per kind, with ids, statuses and words the
// installer can act on; and the passed check when nothing is wrong.
import { describe, expect, it } from 'vitest';
import { CertificateInspectionSchema, countChecks, type OnSiteCheck } from '../../../shared/onsite/results.ts';
import { inspectCertificates } from '../../../main/onsite/certificates/inspect.ts';
import { CORPUS_NAMES, CORPUS_NOW } from '../../fixtures/certs/corpus.ts';
import { corpusFile, corpusSha256, type CorpusFile } from './certificates-corpus.ts';

const DAY = 86_400_000;

/** The file's checks for its own certificate, with the intermediate and root given so the chain is complete. */
function checksOf(key: CorpusFile, now = CORPUS_NOW): OnSiteCheck[] {
  const result = CertificateInspectionSchema.parse(inspectCertificates([corpusFile(key), corpusFile('intermediatePem'), corpusFile('rootPem')], { now }));
  expect(result.counts).toEqual(countChecks(result.checks));
  const prefix = `certificate.${corpusSha256(key).slice(0, 16)}.`;
  return result.checks.filter((check) => check.id.startsWith(prefix));
}

function kinds(checks: readonly OnSiteCheck[]): string[] {
  return checks.map((check) => check.id.split('.').slice(2).join('.'));
}

describe('certificate findings', () => {
  it('a sound leaf: one passed check saying how long it has and how its chain ends', () => {
    const checks = checksOf('leafPem');
    expect(kinds(checks)).toEqual(['ok']);
    expect(checks[0]).toMatchObject({ status: 'passed', at: CORPUS_NOW.toISOString() });
    expect(checks[0]!.detail).toContain(`chain complete to "${CORPUS_NAMES.root}" (private)`);
    expect(checks[0]!.detail).toMatch(/^137 days left; RSA 2048-bit key; sha256WithRSAEncryption/);
  });

  it('expired: failed, with the date', () => {
    const checks = checksOf('expired');
    expect(kinds(checks)).toEqual(['expired']);
    expect(checks[0]).toMatchObject({ status: 'failed', title: 'expired.contoso.example: expired on 2026-06-01' });
    expect(checks[0]!.remedy).toContain('Renew it');
  });

  it('expires within 30 days: a warning with the days left; with 31 days or more it passes', () => {
    const checks = checksOf('expiresSoon');
    expect(kinds(checks)).toEqual(['expires-soon']);
    expect(checks[0]).toMatchObject({ status: 'warning', title: 'expires-soon.contoso.example: expires in 20 days' });
    expect(checks[0]!.remedy).toContain('before 2027-02-04');
    // Ten days earlier it has 30 days left: still within 30 days; a day before that, not.
    expect(kinds(checksOf('expiresSoon', new Date(CORPUS_NOW.getTime() - 10 * DAY)))).toEqual(['expires-soon']);
    expect(kinds(checksOf('expiresSoon', new Date(CORPUS_NOW.getTime() - 11 * DAY)))).toEqual(['ok']);
    // And once past its end, it is expired, not "soon".
    expect(kinds(checksOf('expiresSoon', new Date(CORPUS_NOW.getTime() + 21 * DAY)))).toEqual(['expired']);
  });

  it('not yet valid: failed, and points at the clock', () => {
    const checks = checksOf('notYetValid');
    expect(kinds(checks)).toEqual(['not-yet-valid']);
    expect(checks[0]).toMatchObject({ status: 'failed', title: 'not-yet-valid.contoso.example: not valid before 2027-03-01' });
    expect(checks[0]!.remedy).toContain('date, time and time zone');
  });

  it('weak keys: RSA 1024 and EC P-192 warn; EC P-256 passes', () => {
    const rsa = checksOf('weakKey');
    expect(kinds(rsa)).toEqual(['weak-key']);
    expect(rsa[0]).toMatchObject({ status: 'warning', title: 'weak-key.contoso.example: weak RSA 1024-bit key' });
    expect(checksOf('ecP192')[0]).toMatchObject({ status: 'warning', title: 'ec-p192.contoso.example: weak EC prime192v1 192-bit key' });
    expect(kinds(checksOf('ecP256'))).toEqual(['ok']);
  });

  it('a SHA-1 signature warns, naming the algorithm', () => {
    const checks = checksOf('sha1Signed');
    expect(kinds(checks)).toEqual(['weak-signature']);
    expect(checks[0]).toMatchObject({ status: 'warning', title: 'sha1.contoso.example: signed with sha1WithRSAEncryption' });
  });

  it('a missing issuer: the chain-incomplete warning names it', () => {
    const result = inspectCertificates([corpusFile('orphanLeaf')], { now: CORPUS_NOW });
    expect(kinds(result.checks)).toEqual(['chain-incomplete']);
    expect(result.checks[0]).toMatchObject({ id: `certificate.${corpusSha256('orphanLeaf').slice(0, 16)}.chain-incomplete`, status: 'warning' });
    expect(result.checks[0]!.title).toBe(`meet.fabrikam.example: the issuer "CN=${CORPUS_NAMES.missingIssuer}, O=Fabrikam" is missing`);
    expect(result.checks[0]!.evidence).toMatchObject({ missingIssuer: `CN=${CORPUS_NAMES.missingIssuer}, O=Fabrikam` });
  });

  it('the private root and intermediate each carry a private-ca warning whose remedy gives the file and the command', () => {
    const result = inspectCertificates([corpusFile('chainPem')], { now: CORPUS_NOW });
    const root = result.checks.find((check) => check.id === `certificate.${corpusSha256('rootPem').slice(0, 16)}.private-ca`)!;
    const intermediate = result.checks.find((check) => check.id === `certificate.${corpusSha256('intermediatePem').slice(0, 16)}.private-ca`)!;
    expect(root.status).toBe('warning');
    expect(root.remedy).toContain('(certificate 3 in chain.pem)');
    expect(root.remedy).toContain(result.installCommands.find((c) => c.store === 'Root')!.command);
    expect(intermediate.remedy).toContain(result.installCommands.find((c) => c.store === 'CA')!.command);
    expect(result.counts).toEqual({ passed: 1, failed: 0, warning: 2, unknown: 0 });
  });

  it('every check of the whole corpus has a certificate id, a time and a remedy unless passed', () => {
    const keys: CorpusFile[] = ['chainPem', 'orphanLeaf', 'weakKey', 'sha1Signed', 'expired', 'expiresSoon', 'notYetValid', 'ecP256', 'ecP192'];
    const result = CertificateInspectionSchema.parse(inspectCertificates(keys.map(corpusFile), { now: CORPUS_NOW }));
    for (const check of result.checks) {
      expect(check.id).toMatch(/^certificate\.[0-9a-f]{16}\.(expired|not-yet-valid|expires-soon|chain-incomplete|weak-key|weak-signature|private-ca|ok)$/);
      if (check.status !== 'passed') expect(check.remedy).toBeTruthy();
    }
    expect(new Set(result.checks.map((c) => c.id)).size).toBe(result.checks.length);
    expect(result.counts).toEqual({ passed: 2, failed: 2, warning: 7, unknown: 0 });
  });
});
