// The endpoint lists are data the checks and the network team rely on: sane, complete per cloud,
// and agreeing with shared/clouds.ts (where the sign-in and Exchange hosts are defined once).
import { describe, expect, it } from 'vitest';
import { CLOUDS } from '../../../shared/clouds.ts';
import { CLOUD_IDS } from '../../../shared/model.ts';
import { clockUrlOf, hostOfUrl, NETWORK_ENDPOINTS, NETWORK_SERVICES, STUN_TARGETS, TEAMS_MEDIA_UDP_PORTS } from '../../../shared/onsite/network-endpoints.ts';

const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/;

describe.each(CLOUD_IDS)('the %s cloud', (cloud) => {
  const endpoints = NETWORK_ENDPOINTS[cloud];

  it('lists the sign-in, Teams and Exchange endpoints, required, with TLS on 443', () => {
    for (const service of ['identity', 'teams', 'exchange'] as const) {
      const ofService = endpoints.filter((endpoint) => endpoint.service === service);
      expect(ofService.length, service).toBeGreaterThan(0);
      for (const endpoint of ofService) expect(endpoint, endpoint.id).toMatchObject({ port: 443, tls: true });
      expect(ofService.some((endpoint) => !endpoint.optional), service).toBe(true);
    }
  });

  it('takes the sign-in and Exchange hosts from the cloud profile', () => {
    expect(endpoints.find((endpoint) => endpoint.id === 'identity')!.host).toBe(new URL(CLOUDS[cloud].authorityHost).host);
    expect(endpoints.find((endpoint) => endpoint.id === 'exchange')!.host).toBe(new URL(CLOUDS[cloud].exchangeRoot).host);
    expect(new URL(clockUrlOf(cloud)).host).toBe(new URL(CLOUDS[cloud].authorityHost).host);
  });

  it('has unique ids usable in check ids, concrete host names, valid ports, and plain words', () => {
    const ids = endpoints.map((endpoint) => endpoint.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const endpoint of endpoints) {
      expect(endpoint.id).toMatch(/^[a-z0-9-]+$/);
      expect(endpoint.host, endpoint.id).toMatch(HOST); // no wildcards: a probe needs a real name
      expect(NETWORK_SERVICES).toContain(endpoint.service);
      expect(Number.isInteger(endpoint.port) && endpoint.port > 0 && endpoint.port < 65536).toBe(true);
      expect(endpoint.why.length, endpoint.id).toBeGreaterThan(20);
      expect(endpoint.ask, endpoint.id).toContain(`allow TCP ${endpoint.port} to ${endpoint.host}`);
      if (endpoint.service === 'updates' || endpoint.service === 'management') expect(endpoint.optional, endpoint.id).toBe(true);
    }
  });

  it('names STUN targets on the first Teams media port, if any', () => {
    for (const target of STUN_TARGETS[cloud]) {
      expect(target.host).toMatch(HOST);
      expect(target.port).toBe(TEAMS_MEDIA_UDP_PORTS.from);
    }
  });
});

describe('per-cloud differences', () => {
  it('uses each national cloud its own Teams host, and Pro management only worldwide', () => {
    const teamsHost = (cloud: (typeof CLOUD_IDS)[number]) => NETWORK_ENDPOINTS[cloud].find((endpoint) => endpoint.id === 'teams')!.host;
    expect(teamsHost('global')).toBe('teams.microsoft.com');
    expect(teamsHost('usgov')).toBe('gov.teams.microsoft.us');
    expect(teamsHost('usgovdod')).toBe('dod.teams.microsoft.us');
    expect(teamsHost('china')).toBe('teams.microsoftonline.cn');
    for (const cloud of ['usgov', 'usgovdod', 'china'] as const) {
      expect(NETWORK_ENDPOINTS[cloud].some((endpoint) => endpoint.service === 'management')).toBe(false);
    }
    expect(NETWORK_ENDPOINTS.global.find((endpoint) => endpoint.host === 'agent.rooms.microsoft.com')).toBeDefined();
  });

  it('gives practice mode the worldwide lists (tests aim them at loopback)', () => {
    expect(NETWORK_ENDPOINTS.simulated).toEqual(NETWORK_ENDPOINTS.global);
    expect(STUN_TARGETS.simulated).toEqual(STUN_TARGETS.global);
    expect(STUN_TARGETS.global).toEqual([{ id: 'teams-media-relay', host: 'worldaz.tr.teams.microsoft.com', port: 3478 }]);
  });
});

describe('hostOfUrl', () => {
  it('keeps the host only', () => {
    expect(hostOfUrl('https://login.microsoftonline.com')).toBe('login.microsoftonline.com');
    expect(hostOfUrl('https://outlook.office365.us/adminapi?x=1')).toBe('outlook.office365.us');
    expect(hostOfUrl('https://127.0.0.1:8443/')).toBe('127.0.0.1');
  });
});
