// roomready preflight: the whole site against the tenant before anything is written.
import type { ParseArgsConfig } from 'node:util';
import { renderPreflightMarkdown } from '../provision/preflight-markdown.ts';
import { preflightSite } from '../provision/preflight.ts';
import { loadLiveInput, reportRejectedRows, SITE_OPTIONS, withSession } from './live-command.ts';
import { REPORT_HELP, REPORT_OPTION, writeReportFiles } from './report-files.ts';
import { TENANT_HELP, TENANT_OPTIONS } from './tenant-session.ts';
import type { Command, CommandContext } from './types.ts';

const options = { ...TENANT_OPTIONS, ...SITE_OPTIONS, ...REPORT_OPTION } as const satisfies ParseArgsConfig['options'];

const help = `Usage: roomready preflight <rooms.csv | site.roomready.json> [options]

Checks the whole site against the tenant before anything is written: verified domains, UPN / alias /
proxy address collisions, licence units per SKU (Basic at most 25 per tenant), conditional access that
would demand MFA or a compliant device from a room account, your admin roles; then the change plan:
every object and property provisioning would change. Only reads.

${REPORT_HELP}
  --topology, --mode, --tenant-domain, --usage-location, --license, --registrar-pool  as for prepare.

${TENANT_HELP}

Exit codes: 0 ready; 1 blocking findings or rejected rows; 2 the input, the sign-in or the tenant cannot be used.`;

async function run({ io, values, positionals }: CommandContext): Promise<number> {
  const loaded = await loadLiveInput(io, values, positionals, 'preflight');
  return withSession(io, values, 'preflight', async (session) => {
    reportRejectedRows(io, loaded);
    const report = await preflightSite({ site: loaded.site, graph: session.graph, exchange: session.exchange, delegated: session.delegated });
    const markdown = renderPreflightMarkdown(report);
    await writeReportFiles(io, values.report, `${JSON.stringify(report, null, 2)}\n`, markdown);
    const exitCode = report.ok && loaded.errors.length === 0 ? 0 : 1;
    if (values.json) io.stdout(JSON.stringify({ ...report, rejectedRows: loaded.errors, requests: session.counts }, null, 2));
    else io.stdout(markdown);
    io.stderr(`Preflight made ${session.counts.reads} read and ${session.counts.writes} write requests.`);
    return exitCode;
  });
}

export const preflightCommand: Command = { help, options, run };
