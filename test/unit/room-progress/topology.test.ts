import { describe, expect, it } from 'vitest';
import { PROVISION_MODES } from '../../../shared/model.ts';
import { planRoom, stepNeedsPassword } from '../../../shared/plan.ts';
import { TOPOLOGIES, TOPOLOGY_IDS } from '../../../shared/topology.ts';
import { allItems, build, itemById, roomFor, siteFor } from './helpers.ts';

const topologyStage = (stages: ReturnType<typeof build>) => stages.find((stage) => stage.id === 'topology')!;

describe('topology stage', () => {
  it.each(TOPOLOGY_IDS)('%s: names the topology, and warns when the topology has a warning', (topology) => {
    const stage = topologyStage(build({ site: siteFor(topology) }));
    expect(stage.items[0]!.title).toContain(TOPOLOGIES[topology].label);
    const warning = stage.items.find((item) => item.id === 'topology:topology-warning');
    if (TOPOLOGIES[topology].warning) {
      expect(warning).toMatchObject({ state: 'warning', detail: TOPOLOGIES[topology].warning });
      expect(stage.state).toBe('warning');
    } else {
      expect(warning).toBeUndefined();
      expect(stage.state).toBe('passed');
    }
  });

  it('names the cloud', () => {
    expect(itemById(build({ site: { ...siteFor('teams-online'), cloud: 'usgov' } }), 'topology:cloud').title).toMatch(/GCC High/);
  });

  it('a room with model errors fails the stage, naming the field', () => {
    const stages = build({ site: siteFor('teams-online'), room: roomFor({ primarySmtpAddress: 'other@contoso.com', floor: 'x'.repeat(70) }) });
    const stage = topologyStage(stages);
    expect(stage.state).toBe('failed');
    const smtp = itemById(stages, 'topology:error:primarySmtpAddress');
    expect(smtp.state).toBe('failed');
    expect(smtp.title).toContain('primarySmtpAddress');
    expect(smtp.detail).toContain('primarySmtpAddress');
    expect(itemById(stages, 'topology:error:floor').state).toBe('failed');
    expect(allItems(stages).some((item) => item.id === 'topology:room')).toBe(false);
  });

  it('a model warning is a warning item naming the field', () => {
    const stages = build({ site: siteFor('teams-online'), room: roomFor({ upn: 'room@fabrikam.com' }) });
    expect(itemById(stages, 'topology:warning:upn')).toMatchObject({ state: 'warning' });
  });

  it('a clean room says so', () => {
    expect(itemById(build({ site: siteFor('onprem') }), 'topology:room').state).toBe('passed');
  });

  it('password: pending when a step sets one and none is set, passed once set', () => {
    const site = siteFor('teams-online');
    const missing = itemById(build({ site, hasPassword: false }), 'topology:password');
    expect(missing.state).toBe('pending');
    expect(missing.detail).toContain('exchange.room-mailbox');
    expect(itemById(build({ site, hasPassword: true }), 'topology:password').state).toBe('passed');
  });

  it.each(PROVISION_MODES.flatMap((mode) => TOPOLOGY_IDS.map((topology) => ({ topology, mode }))))(
    'password ($topology / $mode): names exactly the steps that set it',
    ({ topology, mode }) => {
      const site = siteFor(topology, mode);
      const needing = planRoom(roomFor(), site).steps.filter(stepNeedsPassword).map((step) => step.id);
      const detail = itemById(build({ site, hasPassword: false }), 'topology:password').detail!;
      for (const step of planRoom(roomFor(), site).steps) expect(detail.includes(step.id), step.id).toBe(needing.includes(step.id));
    },
  );
});
