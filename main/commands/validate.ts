// roomready validate: check existing rooms against everything a Teams Rooms account needs.
import type { ParseArgsConfig } from 'node:util';
import { validateRooms } from '../checks/validate.ts';
import { renderValidationJson, renderValidationMarkdown } from '../../shared/checks.ts';
import { loadLiveInput, reportRejectedRows, SITE_OPTIONS, withSession } from './live-command.ts';
import { REPORT_HELP, REPORT_OPTION, writeReportFiles } from './report-files.ts';
import { TENANT_HELP, TENANT_OPTIONS } from './tenant-session.ts';
import type { Command, CommandContext } from './types.ts';

const options = { ...TENANT_OPTIONS, ...SITE_OPTIONS, ...REPORT_OPTION } as const satisfies ParseArgsConfig['options'];

const help = `Usage: roomready validate <rooms.csv | site.roomready.json> [options]

Checks each room as it is in the tenant: room mailbox, calendar processing, account enabled, password
never expires, UPN = primary SMTP, usage location and licence, conditional access, room list and
Places. Coverage comes first: a check that could not be read is "unknown", never "passed". Only reads.

${REPORT_HELP}

${TENANT_HELP}

Exit codes: 0 no check failed; 1 a check failed or rows were rejected; 2 the input, the sign-in or the tenant cannot be used.`;

async function run({ io, values, positionals }: CommandContext): Promise<number> {
  const loaded = await loadLiveInput(io, values, positionals, 'validate');
  return withSession(io, values, 'validate', async (session) => {
    reportRejectedRows(io, loaded);
    const report = await validateRooms({ graph: session.graph, exchange: session.exchange }, loaded.site);
    const failed = report.rooms.some((room) => room.results.some((result) => result.status === 'failed'));
    const markdown = renderValidationMarkdown(report);
    await writeReportFiles(io, values.report, renderValidationJson(report), markdown);
    if (values.json) io.stdout(JSON.stringify({ ...report, requests: session.counts }, null, 2));
    else io.stdout(markdown);
    return failed || loaded.errors.length > 0 ? 1 : 0;
  });
}

export const validateCommand: Command = { help, options, run };
