// A small report for the report and Markdown tests: one good room, one with two failures, one
// whose Exchange reads were refused.
import { buildValidationReport, evaluateRoom, evaluateTenant, unavailable, type RoomObservation, type ValidationReport } from '../../../shared/checks.ts';
import { TOPOLOGIES } from '../../../shared/topology.ts';
import { ROOM, UPN, changed, expectations, goodObservation, goodTenant } from './fixtures.ts';

export function sampleReport(): ValidationReport {
  const upns = ['good@contoso.com', 'broken@contoso.com', 'unread@contoso.com'];
  const tenant = goodTenant(upns);
  const good = goodObservation(tenant);
  const broken = changed(changed(good, 'calendar', { DeleteComments: true }), 'user', { passwordPolicies: null });
  const unread = { ...good, mailbox: unavailable('Exchange Online refused Get-Mailbox (403)'), calendar: unavailable('Exchange Online refused Get-CalendarProcessing (403)') };
  const room = (upn: string, observation = good) => {
    // The same room under another address: every address in the observation follows.
    const moved = JSON.parse(JSON.stringify(observation).replaceAll(UPN, upn)) as RoomObservation;
    return { upn, results: evaluateRoom(expectations('teams-online', { ...ROOM, upn }), moved) };
  };
  return buildValidationReport({
    kind: 'validation',
    title: 'Headquarters',
    topology: 'teams-online',
    generatedAt: '2026-01-02T03:04:05.000Z',
    tenant: evaluateTenant(TOPOLOGIES['teams-online'], tenant),
    rooms: [room('good@contoso.com'), room('broken@contoso.com', broken), room('unread@contoso.com', unread)],
  });
}

