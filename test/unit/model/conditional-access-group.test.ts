// The conditional-access exclusion group: a site default a room may override, checked like other
// names (length, control characters), ignored with a warning where there is no Entra ID account.
import { describe, expect, it } from 'vitest';
import { checkRoom, checkSiteSettings, resolveRoom, SiteSchema } from '../../../shared/model.ts';
import { csvColumnForField, findCsvColumn, parseCsvCell } from '../../../shared/csv-columns.ts';

const site = (topology: 'teams-online' | 'onprem', group?: string) =>
  SiteSchema.parse({ name: 'HQ', topology, defaults: { usageLocation: 'US', registrarPool: 'pool01.contoso.com', ...(group !== undefined ? { conditionalAccessGroup: group } : {}) } });
const room = { upn: 'mtr-a@contoso.com', displayName: 'A' };

describe('conditionalAccessGroup', () => {
  it('comes from the site default unless the room names its own', () => {
    expect(resolveRoom(room, site('teams-online', 'Teams Rooms')).conditionalAccessGroup).toBe('Teams Rooms');
    expect(resolveRoom({ ...room, conditionalAccessGroup: 'Rooms B7' }, site('teams-online', 'Teams Rooms')).conditionalAccessGroup).toBe('Rooms B7');
    expect(resolveRoom(room, site('teams-online')).conditionalAccessGroup).toBeUndefined();
  });

  it('refuses a name longer than Entra ID allows or with a line break, naming the field', () => {
    const long = checkRoom({ ...room, conditionalAccessGroup: 'x'.repeat(257) }, site('teams-online'));
    expect(long).toContainEqual(expect.objectContaining({ severity: 'error', field: 'conditionalAccessGroup', message: expect.stringContaining('at most 256') }));
    expect(checkRoom({ ...room, conditionalAccessGroup: "O'Brien\u2019s Rooms" }, site('teams-online')).filter((f) => f.field === 'conditionalAccessGroup')).toEqual([]);
    const settings = checkSiteSettings({ ...site('teams-online'), defaults: { ...site('teams-online').defaults, conditionalAccessGroup: 'Teams\nRooms' } });
    expect(settings).toContainEqual(expect.objectContaining({ severity: 'error', field: 'defaults.conditionalAccessGroup', message: expect.stringContaining('line break') }));
  });

  it('is ignored, with a warning, where the account is not in Entra ID', () => {
    expect(checkRoom({ ...room, conditionalAccessGroup: 'Teams Rooms' }, site('onprem'))).toContainEqual(
      expect.objectContaining({ severity: 'warning', field: 'conditionalAccessGroup', message: expect.stringContaining('is ignored') }),
    );
  });

  it('is a CSV column with aliases, read as text', () => {
    const column = csvColumnForField('conditionalAccessGroup');
    expect(column.header).toBe('ConditionalAccessGroup');
    expect(findCsvColumn('Exclusion Group')).toBe(column);
    expect(findCsvColumn('conditional_access_group')).toBe(column);
    expect(parseCsvCell(column, 'Teams Rooms')).toEqual({ ok: true, value: 'Teams Rooms' });
  });
});
