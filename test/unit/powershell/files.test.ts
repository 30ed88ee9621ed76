import { describe, expect, it } from 'vitest';
import { planRoom } from '../../../shared/plan.ts';
import { POWERSHELL_FILE_ENCODING_NOTE, scriptFileName, scriptPhases, UTF8_BOM, withUtf8Bom } from '../../../shared/powershell.ts';
import { SAMPLE_ROOM, sampleSite } from './support/fixtures.ts';

describe('scriptFileName', () => {
  it('numbers files by phase, two digits, with the runtime\'s file stem', () => {
    expect(scriptFileName(0, 'exchange-online')).toBe('01-exchange-online.ps1');
    expect(scriptFileName(3, 'graph')).toBe('04-graph.ps1');
    expect(scriptFileName(11, 'sfb-server')).toBe('12-sfb-server.ps1');
  });

  it('leaves the manual phase\'s number free: it has no script', () => {
    const site = sampleSite('hybrid-exo-sfbserver', 'create');
    const plan = planRoom(SAMPLE_ROOM, site);
    const names = plan.phases.flatMap((phase, index) => (phase.runtime === 'manual' ? [] : [scriptFileName(index, phase.runtime)]));
    expect(names).toEqual(['01-exchange-online.ps1', '02-active-directory.ps1', '04-graph.ps1', '05-sfb-server.ps1']);
    expect(() => scriptFileName(2, 'manual')).toThrow(/no script/);
  });

  it('refuses indexes that are not a two-digit phase', () => {
    for (const index of [-1, 1.5, 99, Number.NaN]) expect(() => scriptFileName(index, 'graph')).toThrow(RangeError);
  });
});

describe('scriptPhases', () => {
  it('is the plan\'s own phases for one room', () => {
    const site = sampleSite('hybrid-exchange-onprem-sfbonline', 'create');
    const plan = planRoom(SAMPLE_ROOM, site);
    expect(scriptPhases([plan]).map((phase) => phase.runtime)).toEqual(plan.phases.map((phase) => phase.runtime));
  });

  it('keeps one numbering for a site when a room skips a phase', () => {
    const site = sampleSite('hybrid-exchange-onprem-sfbonline', 'create');
    const full = planRoom(SAMPLE_ROOM, site);
    // No usage location and no licence: this room has no Graph phase at all.
    const bare = planRoom({ upn: 'mtr-bare@contoso.com', displayName: 'Bare' }, { ...site, defaults: { ...site.defaults, usageLocation: undefined, license: undefined } });
    expect(bare.phases.map((phase) => phase.runtime)).not.toContain('graph');
    expect(scriptPhases([bare, full])).toEqual(scriptPhases([full]));
  });
});

describe('encoding', () => {
  it('adds the UTF-8 byte order mark once', () => {
    expect(withUtf8Bom('#Requires')).toBe('\uFEFF#Requires');
    expect(withUtf8Bom(withUtf8Bom('#Requires'))).toBe('\uFEFF#Requires');
    expect(Buffer.from(withUtf8Bom('x'), 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(UTF8_BOM).toBe('\uFEFF');
    expect(POWERSHELL_FILE_ENCODING_NOTE).toMatch(/byte order mark/);
    expect(POWERSHELL_FILE_ENCODING_NOTE).toMatch(/5\.1/);
  });
});
