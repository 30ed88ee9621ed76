// reports.export: a room's or the whole site's report from what the app knows about the open site
// (the progress store's outcomes, validations, marks, photos and sign-offs; whether a password is
// kept, never the password), fingerprinted, rendered in the asked format (PDF through the host's
// print engine) and written atomically where the user chose.
import os from 'node:os';
import type { ChannelInput, ChannelOutput } from '../../shared/ipc.ts';
import type { Room } from '../../shared/model.ts';
import { buildReport, type RoomEvidence } from '../../shared/report/build.ts';
import type { ReportFormat } from '../../shared/report/schema.ts';
import { APP_VERSION } from '../app-version.ts';
import { AppError } from '../ipc.ts';
import { fingerprintReport } from '../reports/fingerprint.ts';
import type { HtmlPrinter } from '../reports/pdf.ts';
import { renderReport } from '../reports/render.ts';
import { PRODUCT_NAME } from '../shell/app-info.ts';
import { writeFileAtomically } from '../workspace/atomic-write.ts';
import { describeFsError } from '../workspace/fs-errors.ts';
import type { AppContext } from './context.ts';
import { roomOf, type OpenSite } from './open-sites.ts';
import { safeFileName } from './file-names.ts';

export const PDF_UNAVAILABLE = 'PDF export needs a print engine, which this window does not have; export the report as HTML and print it from a browser instead.';

/** "<site> - <room> report.pdf", or "<site> report.pdf" for the whole site. */
export function suggestedReportName(siteName: string, room: Room | undefined, format: ReportFormat): string {
  const base = room ? `${siteName} - ${room.displayName} report` : `${siteName} report`;
  return `${safeFileName(base)}.${format}`;
}

export function roomEvidence(open: OpenSite, upn: string): RoomEvidence {
  const { progress } = open;
  const provision = progress.provision(upn);
  const provisionedAt = progress.provisionedAt(upn);
  const validation = progress.validation(upn);
  return {
    ...(provision ? { provision } : {}),
    ...(provision && provisionedAt ? { provisionedAt } : {}),
    ...(validation ? { validation } : {}),
    manual: progress.manual(upn),
    hasPassword: open.passwords.has(upn),
    photos: progress.photos(upn),
    signOffs: progress.signOffs(upn),
    onSiteChecks: progress.onSiteChecks(upn),
  };
}

async function tenantOf(open: OpenSite, log: (message: string) => void) {
  const domain = open.site.tenantDomain ? { domain: open.site.tenantDomain } : {};
  try {
    const status = await open.tenant.status(open.id);
    return status.account ? { ...domain, id: status.account.tenantId, account: status.account.username } : domain;
  } catch (error) {
    log(`The report names no signed-in account: ${error instanceof Error ? error.message : String(error)}`);
    return domain;
  }
}

function machine(): { machine: string; user?: string } {
  let user: string | undefined;
  try {
    user = os.userInfo().username;
  } catch {
    // No user name on this system (a container without a passwd entry): the report leaves it out.
  }
  return { machine: os.hostname(), ...(user ? { user } : {}) };
}

export async function exportReport(ctx: AppContext, request: ChannelInput<'reports.export'>): Promise<ChannelOutput<'reports.export'>> {
  const { deps } = ctx;
  const open = ctx.sites.get(request.siteId);
  const room = request.upn !== undefined ? roomOf(open, request.upn) : undefined;
  let printer: HtmlPrinter | undefined;
  if (request.format === 'pdf') {
    if (!deps.printToPdf) throw new AppError('internal', PDF_UNAVAILABLE);
    printer = { printToPdf: deps.printToPdf };
  }

  const { machine: host, user } = machine();
  const report = fingerprintReport(
    buildReport({
      kind: room ? 'room' : 'site',
      site: open.site,
      ...(room ? { upns: [room.upn] } : {}),
      evidence: (upn) => roomEvidence(open, upn),
      tenant: await tenantOf(open, deps.log),
      generator: { app: PRODUCT_NAME, version: APP_VERSION, machine: host, platform: process.platform, ...(user ? { user } : {}) },
      generatedAt: ctx.now().toISOString(),
    }),
  );
  const bytes = await renderReport(report, request.format, printer);

  let file = request.path;
  if (file === undefined) {
    const answer = await deps.dialogs.chooseSavePath(suggestedReportName(open.site.name, room, request.format));
    if (answer === null) throw new AppError('cancelled', 'Cancelled: the report was not saved.');
    file = answer;
  }
  try {
    await writeFileAtomically(file, bytes);
  } catch (error) {
    throw new AppError('bad-file', `Could not save the report to ${file}: ${describeFsError(error)}.`);
  }
  return { path: file, bytes: bytes.length, fingerprint: report.fingerprint.value };
}
