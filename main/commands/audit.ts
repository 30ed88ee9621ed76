// roomready audit: find the tenant's rooms by evidence and check them all. Only reads.
import type { ParseArgsConfig } from 'node:util';
import { auditTenant } from '../checks/audit.ts';
import { renderValidationJson, renderValidationMarkdown } from '../../shared/checks.ts';
import { withSession } from './live-command.ts';
import { REPORT_HELP, REPORT_OPTION, writeReportFiles } from './report-files.ts';
import { TENANT_HELP, TENANT_OPTIONS } from './tenant-session.ts';
import type { Command, CommandContext } from './types.ts';
import { UsageError } from './usage-error.ts';

const options = { ...TENANT_OPTIONS, ...REPORT_OPTION } as const satisfies ParseArgsConfig['options'];

const help = `Usage: roomready audit [options]

Finds the tenant's rooms by evidence (room mailboxes with an enabled account, users holding a Teams
Rooms licence) and checks each one as validate does. Never writes.

${REPORT_HELP}

${TENANT_HELP}

Exit codes: 0 no check failed; 1 a check failed; 2 the sign-in or the tenant cannot be used.`;

async function run({ io, values, positionals }: CommandContext): Promise<number> {
  if (positionals.length > 0) throw new UsageError('audit takes no file: it looks at the whole tenant');
  return withSession(io, values, 'audit', async (session) => {
    const report = await auditTenant({ graph: session.graph, exchange: session.exchange });
    const failed = report.rooms.some((room) => room.results.some((result) => result.status === 'failed'));
    const markdown = renderValidationMarkdown(report);
    await writeReportFiles(io, values.report, renderValidationJson(report), markdown);
    if (values.json) io.stdout(JSON.stringify({ ...report, requests: session.counts }, null, 2));
    else io.stdout(markdown);
    return failed ? 1 : 0;
  });
}

export const auditCommand: Command = { help, options, run };
