// preflight.run, provision.start / cancel and validate.run: the CLI's engine, checks and reports
// over the site's signed-in tenant. A provisioning run answers with its id at once and reports
// through events; one run per site at a time.
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ValidationReportSchema, type IpcHandlers, type PreflightView, type RoomOutcomeView } from '../../shared/ipc.ts';
import { redactSecrets } from '../auth/redact.ts';
import { validateRooms } from '../checks/validate.ts';
import { AppError } from '../ipc.ts';
import { provisionSite } from '../provision/engine.ts';
import { Journal } from '../provision/journal.ts';
import { renderPreflightMarkdown } from '../provision/preflight-markdown.ts';
import { preflightSite, type PreflightReport } from '../provision/preflight.ts';
import type { ProvisionEvent } from '../provision/types.ts';
import type { AppContext } from './context.ts';
import { knownFailure, messageOf, translated } from './errors.ts';
import type { OpenSite } from './open-sites.ts';
import { roomOutcomeView, stepOutcomeView } from './outcome-view.ts';
import { generateMissing, roomsNeedingPasswords } from './password-handlers.ts';
import { selectRooms, type RoomSelection } from './room-selection.ts';

type RunHandlers = Pick<IpcHandlers, 'preflight.run' | 'provision.start' | 'provision.cancel' | 'validate.run'>;

/** How long a new account may take to reach Entra ID before its steps are left pending. */
const REPLICATION = { practice: { timeoutMs: 120_000, pollMs: 250 }, live: { timeoutMs: 600_000, pollMs: 5_000 } } as const;

function requireRooms(open: OpenSite, selection: RoomSelection, what: string): void {
  if (selection.site.rooms.length > 0) return;
  const why = selection.skipped.map((room) => `${room.upn}: ${room.reason}`).join('; ');
  throw new AppError('invalid-room', `No room of "${open.site.name}" can be ${what}${why ? `: ${why}` : ' (the site has no rooms)'}.`);
}

export function journalPath(dataDir: string, siteKey: string): string {
  return path.join(dataDir, 'journals', `${siteKey}.jsonl`);
}

export function runHandlers(ctx: AppContext): RunHandlers {
  const { sites, deps } = ctx;

  async function startRun(open: OpenSite, upns: readonly string[], dryRun: boolean, runId: string, controller: AbortController): Promise<() => Promise<void>> {
    const selection = selectRooms(open, upns);
    requireRooms(open, selection, 'provisioned');
    const gateways = await open.tenant.gateways();
    let journal: Journal | undefined;
    if (!dryRun) {
      // Every room that will need a password has one before anything is written.
      const { warning } = await generateMissing(open, roomsNeedingPasswords(selection.site, selection.site.rooms));
      if (warning) deps.log(warning);
      const file = journalPath(deps.dataDir, open.key);
      await mkdir(path.dirname(file), { recursive: true });
      journal = Journal.open(file);
    }
    const siteId = open.id;
    const outcomes: RoomOutcomeView[] = [];
    const onEvent = (event: ProvisionEvent) => {
      if (event.type === 'step-started') open.progress.stepStarted(event.room, event.step);
      if (event.type === 'step-finished') open.progress.stepFinished(event.outcome.room, event.outcome.step);
      const view =
        event.type === 'step-finished'
          ? { type: event.type, outcome: stepOutcomeView(event.outcome) }
          : event.type === 'room-finished'
            ? { type: event.type, outcome: roomOutcomeView(event.outcome) }
            : event;
      if (view.type === 'room-finished') {
        outcomes.push(view.outcome);
        // A dry run's "would change" is a plan, not what the tenant now holds.
        if (!dryRun) void open.progress.setProvision(view.outcome);
      }
      deps.emit('provision.progress', { runId, siteId, event: view });
    };
    return async () => {
      let error: string | undefined;
      try {
        await provisionSite({
          site: selection.site,
          graph: gateways.graph,
          exchange: gateways.exchange,
          dryRun,
          ...(journal ? { journal } : {}),
          passwordFor: async (upn) => {
            const password = dryRun ? undefined : open.passwords.get(upn);
            if (password === undefined) throw new Error(dryRun ? 'a dry run sets no password' : `no password is kept for ${upn}`);
            return password;
          },
          replication: open.practice ? REPLICATION.practice : REPLICATION.live,
          onEvent,
          signal: controller.signal,
        });
      } catch (failure) {
        if (!controller.signal.aborted) {
          error = redactSecrets(knownFailure(failure)?.message ?? messageOf(failure));
          deps.log(`Provisioning ${open.site.name} failed: ${error}`);
        }
      } finally {
        journal?.close();
        open.progress.clearRunning();
        await open.progress.flush();
      }
      open.run = undefined;
      deps.emit('provision.finished', { runId, siteId, rooms: outcomes, cancelled: controller.signal.aborted, ...(error ? { error } : {}) });
      deps.emit('site.changed', { siteId });
    };
  }

  return {
    'preflight.run': ({ siteId, upns }) =>
      translated(async () => {
        const open = sites.get(siteId);
        const selection = selectRooms(open, upns);
        requireRooms(open, selection, 'checked');
        const gateways = await open.tenant.gateways();
        const checked = await preflightSite({ site: selection.site, graph: gateways.graph, exchange: gateways.exchange, delegated: gateways.delegated });
        const report: PreflightReport = {
          ...checked,
          findings: [
            ...selection.skipped.map((room) => ({ severity: 'warning' as const, check: 'room.model', room: room.upn, message: `Left out of preflight and provisioning: ${room.reason}.` })),
            ...checked.findings,
          ],
        };
        const view: PreflightView = {
          site: report.site,
          topology: selection.site.topology,
          ok: report.ok,
          findings: report.findings,
          licences: report.licences,
          changePlan: report.changePlan.map(roomOutcomeView),
          markdown: renderPreflightMarkdown(report),
        };
        return view;
      }),

    'provision.start': ({ siteId, upns, dryRun }) =>
      translated(async () => {
        const open = sites.get(siteId);
        if (open.run) throw new AppError('busy', `A run is already working on "${open.site.name}"; wait for it to finish or cancel it.`);
        const runId = randomUUID();
        const controller = new AbortController();
        let release!: () => void;
        open.run = { runId, controller, finished: new Promise<void>((resolve) => (release = resolve)) };
        try {
          const run = await startRun(open, upns, dryRun === true, runId, controller);
          void run().finally(release);
        } catch (error) {
          open.run = undefined;
          release();
          throw error;
        }
        return { runId };
      }),

    'provision.cancel': async ({ runId }) => {
      const open = sites.byRun(runId);
      if (!open?.run) return { cancelled: false };
      open.run.controller.abort(new Error('cancelled by the user'));
      return { cancelled: true };
    },

    'validate.run': ({ siteId, upns }) =>
      translated(async () => {
        const open = sites.get(siteId);
        const selection = selectRooms(open, upns);
        requireRooms(open, selection, 'validated');
        const gateways = await open.tenant.gateways();
        const report = await validateRooms({ graph: gateways.graph, exchange: gateways.exchange }, selection.site, { now: ctx.now });
        for (const room of report.rooms) void open.progress.setValidation(room.upn, { generatedAt: report.generatedAt, results: room.results });
        await open.progress.flush();
        deps.emit('site.changed', { siteId });
        // The report's own schema (also the contract's); its JSON evidence is typed read-only here.
        return ValidationReportSchema.parse(report);
      }),
  };
}
