// renderValidationMarkdown: the report for people. Coverage comes first (an unread check is not a
// pass), then tenant-wide findings, then each room: status, evidence and the fix. Every value goes
// through shared/markdown.ts (escaped text, code spans, fenced blocks), so nothing read from the
// tenant can add formatting, links, HTML or lines of its own.
import { codeSpan, escapeText, fencedCodeBlock } from '../markdown.ts';
import { TOPOLOGIES } from '../topology.ts';
import type { CheckCoverage, Coverage, DiscoverySource, RoomReport, ValidationReport } from './report.ts';
import type { CheckResult, CheckStatus, Json } from './types.ts';

const ITEM_INDENT = '  ';
const NESTED_INDENT = '    ';

const STATUS_LABEL: Record<CheckStatus, string> = { passed: 'PASSED', failed: 'FAILED', warning: 'WARNING', unknown: 'UNKNOWN' };

/** Evidence as a code span: text as it is, booleans the PowerShell way, anything else as JSON. */
function evidenceValue(value: Json): string {
  if (value === null) return '*(none)*';
  if (typeof value === 'string') return codeSpan(value);
  if (typeof value === 'boolean') return codeSpan(value ? 'True' : 'False');
  return codeSpan(JSON.stringify(value));
}

function renderCoverageRow(check: CheckCoverage): string {
  const cells = [codeSpan(check.id), escapeText(check.title), check.severity, String(check.ran), String(check.passed), String(check.failed), String(check.warning), String(check.unknown)];
  return `| ${cells.join(' | ')} |`;
}

function renderDiscovery(sources: readonly DiscoverySource[]): string[] {
  return sources.map((source) =>
    source.status === 'read'
      ? `- ${escapeText(source.source)}: ${source.found} found`
      : `- ${escapeText(source.source)}: **could not be read** (${escapeText(source.reason ?? '')}); rooms only this source would find are missing`,
  );
}

function renderCoverage(coverage: Coverage): string[] {
  const blocks = [
    '## Coverage',
    `${coverage.rooms} rooms, ${coverage.results} results: ${coverage.passed} passed, ${coverage.failed} failed, ${coverage.warning} warnings, ${coverage.unknown} unknown. An unknown result could not be read and is not a pass.`,
  ];
  if (coverage.discovery) blocks.push(['How rooms were found:', ...renderDiscovery(coverage.discovery)].join('\n'));
  blocks.push(
    ['| Check | What | Severity | Ran | Passed | Failed | Warnings | Unknown |', '|---|---|---|---:|---:|---:|---:|---:|', ...coverage.checks.map(renderCoverageRow)].join('\n'),
  );
  const reasons = coverage.checks.flatMap((check) =>
    check.unknownReasons.map((entry) => `- ${codeSpan(check.id)} (${entry.count}): ${escapeText(entry.reason)}`),
  );
  if (reasons.length > 0) blocks.push(['Why checks could not be read:', ...reasons].join('\n'));
  return blocks;
}

function renderResult(result: CheckResult): string[] {
  const lines = [`- **${STATUS_LABEL[result.status]}** ${codeSpan(result.id)} ${escapeText(result.title)}: ${escapeText(result.message)}`];
  if (result.status !== 'unknown') {
    lines.push(`${ITEM_INDENT}- Observed: ${evidenceValue(result.evidence.observed)}; expected: ${evidenceValue(result.evidence.expected)}`);
  }
  const fix = result.remediation;
  if (fix) {
    const label = result.status === 'unknown' ? 'Check by hand' : 'Fix';
    lines.push(`${ITEM_INDENT}- ${label}: ${escapeText(fix.text)}`);
    if (fix.powershell !== undefined) {
      lines.push(`${NESTED_INDENT}- PowerShell${fix.runIn ? ` (${escapeText(fix.runIn)})` : ''}:`);
      lines.push(fencedCodeBlock(fix.powershell, 'powershell', `${NESTED_INDENT}  `));
    }
    lines.push(`${NESTED_INDENT}- Where: ${escapeText(fix.portal)}`);
  }
  return lines;
}

/** Problems first, so a reader sees what to do before what is fine. */
const ORDER: Record<CheckStatus, number> = { failed: 0, unknown: 1, warning: 2, passed: 3 };
const byImportance = (results: readonly CheckResult[]) => [...results].sort((a, b) => ORDER[a.status] - ORDER[b.status]);

function renderRoom(room: RoomReport): string[] {
  const heading = `### ${escapeText(room.upn)}: ${STATUS_LABEL[room.status]}`;
  const found = room.foundBy ? [`Found by: ${room.foundBy.map(escapeText).join(', ')}`] : [];
  return [heading, ...found, byImportance(room.results).flatMap(renderResult).join('\n')];
}

export function renderValidationMarkdown(report: ValidationReport): string {
  const heading = report.kind === 'audit' ? 'Tenant audit' : 'Validation';
  const blocks = [
    `# ${heading}: ${escapeText(report.title)}`,
    [`- **Topology:** ${escapeText(TOPOLOGIES[report.topology].label)}`, `- **Generated:** ${escapeText(report.generatedAt)}`].join('\n'),
    ...renderCoverage(report.coverage),
  ];
  if (report.tenant.length > 0) blocks.push('## Tenant', byImportance(report.tenant).flatMap(renderResult).join('\n'));
  blocks.push('## Rooms');
  if (report.rooms.length === 0) blocks.push('No rooms.');
  for (const room of report.rooms) blocks.push(...renderRoom(room));
  return `${blocks.join('\n\n')}\n`;
}
