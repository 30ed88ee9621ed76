// The element table is the single source of truth; these check it is coherent and that the
// derived lookups say what mtr-facts §3.3 says.
import { describe, expect, it } from 'vitest';
import {
  childElements,
  orderRank,
  REVISIONS,
  rowOf,
  SKYPE_SETTINGS_ELEMENTS,
  xmlName,
  xmlPath,
  type ElementRow,
} from '../../../shared/skype-settings.ts';

const rows = SKYPE_SETTINGS_ELEMENTS as readonly ElementRow[];

describe('the element table', () => {
  it('has unique keys, and every child sits under a container of the same revisions', () => {
    expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length);
    for (const row of rows) {
      if (!row.parent) continue;
      const parent = rowOf(row.parent);
      expect(parent?.kind, row.key).toBe('container');
      expect(row.key.startsWith(`${row.parent}.`), row.key).toBe(true);
      for (const revision of row.revisions) expect(parent!.revisions, row.key).toContain(revision);
    }
  });

  it('has unique element names among the siblings of each revision', () => {
    for (const revision of REVISIONS) {
      for (const container of [undefined, ...rows.filter((row) => row.kind === 'container').map((row) => row.key)]) {
        const names = childElements(container, revision).map((row) => xmlName(row, revision));
        expect(new Set(names).size, `${container} ${revision}`).toBe(names.length);
      }
    }
  });

  it('gives help text and a label to every row, and values only to value rows', () => {
    for (const row of rows) {
      expect(row.label.length, row.key).toBeGreaterThan(0);
      expect(row.help.length, row.key).toBeGreaterThan(10);
      if (row.kind === 'container') expect(row.allowed ?? row.range ?? row.pattern, row.key).toBeUndefined();
    }
  });

  it('spells era-specific names per revision', () => {
    expect(REVISIONS.map((revision) => xmlName(rowOf('sfbMeetingsEnabled'), revision))).toEqual(['SkypeMeetingsEnabled', 'SfbMeetingEnabled', 'SfbMeetingEnabled']);
    expect(['R2', 'R3'].map((revision) => xmlName(rowOf('webexMeetingsEnabled'), revision as 'R2' | 'R3'))).toEqual(['WebexMeetingsEnabled', 'WebExMeetingsEnabled']);
  });

  it('documents UserAccount as §3.6 describes: grew ModernAuthEnabled in 4.9, shrank in 4.17', () => {
    const names = (revision: (typeof REVISIONS)[number]) => childElements('userAccount', revision).map((row) => xmlName(row, revision));
    expect(names('R1')).toEqual(['SkypeSignInAddress', 'ExchangeAddress', 'DomainUsername', 'Password', 'ConfigureDomain', 'AutoRotatePassword']);
    expect(names('R2')).toEqual(['SkypeSignInAddress', 'ExchangeAddress', 'DomainUsername', 'Password', 'ConfigureDomain', 'ModernAuthEnabled']);
    expect(names('R3')).toEqual(['SkypeSignInAddress', 'Password']);
  });

  it('leaves the order of the four R1 meeting elements open, and only in R1', () => {
    const loose = ['teamsMeetingsEnabled', 'sfbMeetingsEnabled', 'isTeamsDefaultClient', 'bluetoothAdvertisementEnabled'] as const;
    expect(new Set(loose.map((key) => orderRank(rowOf(key), 'R1'))).size).toBe(1);
    expect(new Set(loose.map((key) => orderRank(rowOf(key), 'R2'))).size).toBe(4);
  });

  it('names attribute paths with @', () => {
    expect(xmlPath('coordinatedMeetings.settings.whiteboard.enabled', 'R3')).toBe('SkypeSettings/CoordinatedMeetings/Settings/Whiteboard/@enabled');
  });
});
