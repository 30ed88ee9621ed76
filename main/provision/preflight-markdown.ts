// The preflight report for people: the verdict, the findings, the licences, then the change plan
// room by room (every property that would change, from what to what). Values are escaped.
import { codeSpan, escapeText } from '../../shared/markdown.ts';
import type { PreflightReport } from './preflight.ts';

const show = (value: unknown) => (value === null || value === undefined || value === '' ? '*(empty)*' : codeSpan(typeof value === 'string' ? value : JSON.stringify(value)));

export function renderPreflightMarkdown(report: PreflightReport): string {
  const errors = report.findings.filter((finding) => finding.severity === 'error');
  const lines = [
    `# Preflight: ${escapeText(report.site)}`,
    '',
    report.ok ? 'Ready: no blocking problem found. Nothing has been changed.' : `Not ready: ${errors.length} blocking problem(s). Nothing has been changed.`,
    '',
    `- Topology: ${escapeText(report.topology)}`,
    `- Rooms: ${report.changePlan.length}`,
    '',
    '## Findings',
    '',
  ];
  if (report.findings.length === 0) lines.push('None.');
  for (const finding of report.findings) {
    lines.push(`- **${finding.severity}** ${escapeText(finding.check)}${finding.room ? ` (${escapeText(finding.room)})` : ''}: ${escapeText(finding.message)}`);
    if (finding.remediation) lines.push(`  - Fix: ${escapeText(finding.remediation)}`);
  }
  lines.push('', '## Licences', '');
  if (report.licences.length === 0) lines.push('No licence is assigned by this site.');
  for (const need of report.licences) {
    lines.push(`- ${escapeText(need.skuPartNumber)}: ${need.needed} needed, ${need.free === null ? 'not in the tenant' : `${need.free} free`}`);
  }
  lines.push('', '## Change plan', '');
  for (const room of report.changePlan) {
    const changing = room.steps.filter((step) => step.status === 'would-change');
    lines.push(`### ${escapeText(room.upn)}`, '');
    if (changing.length === 0) lines.push('Nothing to change.');
    for (const step of room.steps) {
      if (step.status === 'passed') continue;
      lines.push(`- ${escapeText(step.step)}: ${escapeText(step.status)}${step.message ? ` — ${escapeText(step.message)}` : ''}`);
      for (const change of step.changes) lines.push(`  - ${escapeText(change.property)}: ${show(change.before)} → ${show(change.after)}`);
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
