// The certificate inspection as the terminal shows it: files, each certificate's facts, the chains,
// the checks with their fixes, and the install commands last, ready to copy.
import type { CertificateInfo, CertificateInspection, OnSiteCheck } from '../../shared/onsite/results.ts';

const STATUS_MARK: Readonly<Record<OnSiteCheck['status'], string>> = { passed: 'ok  ', warning: 'WARN', failed: 'FAIL', unknown: '??  ' };

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function commonName(subject: string): string {
  return /(?:^|, )CN=([^,]*)/.exec(subject)?.[1] ?? subject;
}

function keyText(info: CertificateInfo): string {
  return [info.keyType.toUpperCase(), info.curve, info.keyBits ? `${info.keyBits}-bit` : undefined].filter(Boolean).join(' ');
}

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

function certificateLines(info: CertificateInfo, position: number, firstSeen: CertificateInfo | undefined): string[] {
  const heading = `Certificate ${position}: ${info.fileName} #${info.index + 1}`;
  if (firstSeen) return [heading, `  same certificate as ${firstSeen.fileName} #${firstSeen.index + 1}${info.hasPrivateKey ? ' (this file holds its private key)' : ''}`];
  const days = info.daysLeft < 0 ? `expired ${plural(-info.daysLeft, 'day')} ago` : `${plural(info.daysLeft, 'day')} left`;
  const rows: [string, string][] = [
    ['Subject', info.subject],
    ['Issuer', info.issuer],
    ['Serial', info.serialNumber],
    ['Valid', `${info.notBefore} to ${info.notAfter} (${days})`],
    ['Key', keyText(info)],
    ['Signature', info.signatureAlgorithm],
    ['Key usage', info.keyUsage.join(', ') || '(none stated)'],
    ['Extended usage', info.extendedKeyUsage.join(', ') || '(none stated)'],
    ['Names', info.subjectAltNames.join(', ') || '(none)'],
    ['CA', `${yesNo(info.isCA)}; self-signed: ${yesNo(info.selfSigned)}; private key in the file: ${yesNo(info.hasPrivateKey)}`],
    ['SHA-256', info.sha256],
  ];
  return [heading, ...rows.map(([label, value]) => `  ${label.padEnd(15)}${value}`)];
}

export function inspectionText(inspection: CertificateInspection): string {
  const lines: string[] = [];
  for (const file of inspection.files) lines.push(`${file.fileName}: ${file.format.toUpperCase()}, ${plural(file.count, 'certificate')}`);
  const seen = new Map<string, CertificateInfo>();
  inspection.certificates.forEach((info, i) => {
    lines.push('', ...certificateLines(info, i + 1, seen.get(info.sha256)));
    if (!seen.has(info.sha256)) seen.set(info.sha256, info);
  });
  lines.push('', 'Chains (leaf first)');
  for (const chain of inspection.chains) {
    const names = chain.path.map((sha256) => {
      const info = seen.get(sha256);
      return info ? commonName(info.subject) : `trusted root ${sha256.slice(0, 16)}`;
    });
    const state = chain.complete ? (chain.publiclyTrusted ? 'complete, publicly trusted root' : 'complete, private root') : 'incomplete: the issuer of the last one is missing';
    lines.push(`  ${names.join(' -> ')}: ${state}`);
  }
  const { counts } = inspection;
  lines.push('', `Checks: ${counts.passed} passed, ${counts.warning} warnings, ${counts.failed} failed`);
  for (const check of inspection.checks) {
    lines.push(`  ${STATUS_MARK[check.status]}  ${check.title}`);
    if (check.status !== 'passed') {
      lines.push(`        ${check.detail}`);
      if (check.remedy) lines.push(`        Fix: ${check.remedy}`);
    }
  }
  if (inspection.installCommands.length > 0) {
    lines.push('', 'On the console: copy each file to the path shown, enter Admin mode, open an elevated command prompt and run:');
    for (const install of inspection.installCommands) lines.push(`  ${install.command}`);
  }
  return lines.join('\n');
}
