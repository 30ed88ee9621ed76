// The console stage's on-site items: one per tool; never run, a manual task (markable as not
// needed); run, the findings decide: the worst of a run's checks, or for the console configuration
// the newest step (applied -> taken); with a summary, the problems named and the first remedy.
import { describe, expect, it } from 'vitest';
import type { OnSiteCheck } from '../../../shared/onsite/results.ts';
import { onSiteItemId } from '../../../shared/room-progress.ts';
import { build, itemById, siteFor } from './helpers.ts';

const site = siteFor('teams-online');
const check = (id: string, status: OnSiteCheck['status'], at: string, remedy?: string): OnSiteCheck => ({
  id,
  title: `Title of ${id}`,
  status,
  detail: `Detail of ${id}.`,
  ...(remedy ? { remedy } : {}),
  at,
});
const AT = '2026-11-27T10:00:00.000Z';
const LATER = '2026-11-27T10:30:00.000Z';

describe('on-site items of the console stage', () => {
  it('are manual tasks until a tool runs, and can be marked done (a certificate check not needed)', () => {
    const stages = build({ site });
    expect(itemById(stages, onSiteItemId('network'))).toMatchObject({ state: 'manual', manual: true });
    const marked = build({ site, manual: { [onSiteItemId('certificate')]: { done: true, note: 'No private CA here', doneAt: AT } } });
    expect(itemById(marked, onSiteItemId('certificate'))).toMatchObject({ state: 'passed', note: 'No private CA here' });
  });

  it('take the worst of a run: a failed probe fails the network item, naming it, with its remedy', () => {
    const onSiteChecks = [
      check('network.dns.login', 'passed', AT),
      check('network.tls.outlook', 'failed', AT, 'Ask the network team to exclude outlook.office365.com from TLS inspection.'),
      check('network.stun.relay', 'warning', AT, 'Allow UDP 3478.'),
    ];
    const item = itemById(build({ site, onSiteChecks }), onSiteItemId('network'));
    expect(item).toMatchObject({ state: 'failed', manual: false, remediation: { text: 'Ask the network team to exclude outlook.office365.com from TLS inspection.' } });
    expect(item.detail).toContain('1 passed, 1 failed, 1 with a warning');
    expect(item.detail).toContain('Title of network.tls.outlook');
    expect(item.detail).toContain(AT);
    // The console stage (and so the room) is as bad as its worst item.
    expect(build({ site, onSiteChecks }).find((stage) => stage.id === 'console')!.state).toBe('failed');
  });

  it('a passed sign-in passes its item with the finding as its detail; other tools stay manual', () => {
    const stages = build({ site, onSiteChecks: [check('sign-in.room', 'passed', AT)] });
    expect(itemById(stages, onSiteItemId('sign-in'))).toMatchObject({ state: 'passed', detail: `Detail of sign-in.room. (Last run ${AT}.)` });
    expect(itemById(stages, onSiteItemId('console-config')).state).toBe('manual');
  });

  it('the console configuration counts its newest step: applied is open, taken after the restart passes', () => {
    const applied = check('console-config.applied', 'unknown', AT, 'Restart the app, then confirm.');
    expect(itemById(build({ site, onSiteChecks: [applied] }), onSiteItemId('console-config'))).toMatchObject({ state: 'unknown', remediation: { text: 'Restart the app, then confirm.' } });
    const taken = check('console-config.consumed', 'passed', LATER);
    expect(itemById(build({ site, onSiteChecks: [applied, taken] }), onSiteItemId('console-config')).state).toBe('passed');
  });
});
