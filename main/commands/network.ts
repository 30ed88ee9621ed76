// roomready network: the on-site network readiness check from the command line, for a laptop on the
// room's network port or the console itself (Admin mode).
import type { ParseArgsConfig } from 'node:util';
import { CLOUDS } from '../../shared/clouds.ts';
import { CLOUD_IDS, type CloudId } from '../../shared/model.ts';
import type { NetworkReport, OnSiteCheck } from '../../shared/onsite/results.ts';
import { runNetworkReadiness, type NetworkReadinessOptions } from '../onsite/network/readiness.ts';
import type { Command, CommandContext } from './types.ts';
import { UsageError } from './usage-error.ts';

const options = {
  cloud: { type: 'string' },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

const help = `Usage: roomready network [--cloud <cloud>] [--timeout <seconds>] [--json]

Checks what a Teams Room needs from the network it is plugged into: DNS, TCP and TLS to the sign-in,
Teams, Exchange, management and update endpoints of the cloud (TLS inspection is named by the
certificate's issuer), UDP to the Teams media relays (STUN: reachability, round trip, loss), the
clock against the sign-in endpoint, and the proxy in effect (HTTPS_PROXY, HTTP_PROXY, NO_PROXY).
Each finding says what it means for the room and what to ask the network team for.

Options:
  --cloud <cloud>       ${CLOUD_IDS.join(' | ')} (default global).
  --timeout <seconds>   Each probe's time limit (default 5).
  --json                Print the report as JSON.

Exit codes: 0 nothing failed (warnings allowed); 1 a check failed; 2 the command line is unusable.`;

const STATUS_LABELS: Readonly<Record<OnSiteCheck['status'], string>> = { passed: 'passed', failed: 'FAILED', warning: 'warning', unknown: 'unknown' };
const LINE_WIDTH = 120;

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines.length ? lines : [''];
}

/** The report as a table (status, check, detail), the tallies, then what to ask the network team for. */
export function formatNetworkReport(report: NetworkReport): string {
  const statusWidth = Math.max('STATUS'.length, ...report.checks.map((check) => STATUS_LABELS[check.status].length));
  const titleWidth = Math.min(48, Math.max('CHECK'.length, ...report.checks.map((check) => check.title.length)));
  const detailWidth = Math.max(40, LINE_WIDTH - statusWidth - titleWidth - 4);
  const indent = ' '.repeat(statusWidth + titleWidth + 4);
  const rows = report.checks.flatMap((check) => {
    const [first, ...rest] = wrap(check.detail, detailWidth);
    return [`${STATUS_LABELS[check.status].padEnd(statusWidth)}  ${check.title.padEnd(titleWidth)}  ${first}`, ...rest.map((line) => `${indent}${line}`)];
  });
  const { passed, failed, warning, unknown } = report.counts;
  const asks = report.checks.filter((check) => check.remedy && check.status !== 'passed');
  return [
    `Network readiness: ${CLOUDS[report.cloud].label}`,
    `Proxy in effect: ${report.proxy.value} (${report.proxy.source})`,
    '',
    `${'STATUS'.padEnd(statusWidth)}  ${'CHECK'.padEnd(titleWidth)}  DETAIL`,
    ...rows,
    '',
    `${passed} passed, ${failed} failed, ${warning} warning${warning === 1 ? '' : 's'}, ${unknown} unknown.`,
    ...(asks.length > 0 ? ['', 'What to do:', ...asks.map((check) => `- ${STATUS_LABELS[check.status]} ${check.title}: ${check.remedy}`)] : []),
  ].join('\n');
}

function cloudOf(values: CommandContext['values']): CloudId {
  const cloud = values.cloud ?? 'global';
  if (typeof cloud !== 'string' || !(CLOUD_IDS as readonly string[]).includes(cloud)) throw new UsageError(`--cloud must be one of ${CLOUD_IDS.join(', ')}`);
  return cloud as CloudId;
}

function timeoutOf(values: CommandContext['values']): number | undefined {
  if (values.timeout === undefined) return undefined;
  const seconds = Number(values.timeout);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 120) throw new UsageError(`--timeout must be a number of seconds between 0 and 120, not "${String(values.timeout)}"`);
  return Math.round(seconds * 1000);
}

/** `overrides` aims the probes elsewhere (tests: loopback stand-ins). */
export async function runNetworkCommand({ io, values, positionals }: CommandContext, overrides: Partial<NetworkReadinessOptions> = {}): Promise<number> {
  if (positionals.length > 0) throw new UsageError(`network takes no file, got "${positionals[0]}"`);
  const cloud = cloudOf(values);
  const timeoutMs = timeoutOf(values);
  const report = await runNetworkReadiness({ cloud, env: io.env, ...(timeoutMs ? { timeoutMs } : {}), ...overrides });
  io.stdout(values.json ? JSON.stringify(report, null, 2) : formatNetworkReport(report));
  return report.counts.failed === 0 ? 0 : 1;
}

export const networkCommand: Command = { help, options, run: (context) => runNetworkCommand(context) };
