// No password in any script. Room and Site carry no password, so a password-looking string is
// planted in every text a caller can pass; it may only ever appear as the ordinary value it was
// passed as (a name, a city...), and every password parameter gets a run-time stand-in instead.
import { beforeAll, describe, expect, it } from 'vitest';
import { SiteSchema, type Room } from '../../../shared/model.ts';
import { planRoom } from '../../../shared/plan.ts';
import { generateScript } from '../../../shared/powershell.ts';
import { COMBINATIONS } from './support/fixtures.ts';
import { invocations, loadPowerShell, nodesOfType, parse, regions } from './support/powershell-syntax.ts';

const PLANTED = "Pa$$w0rd!Spring2024'";
const room: Room = {
  upn: 'mtr-secret@contoso.com',
  displayName: PLANTED,
  mailboxName: `${PLANTED} name`,
  building: PLANTED,
  floor: PLANTED,
  street: PLANTED,
  city: PLANTED,
  state: PLANTED,
  postalCode: PLANTED,
  roomList: PLANTED,
  timeZone: PLANTED,
  registrarPool: 'pool01.contoso.com',
  capacity: 4,
};

const scripts: Array<{ name: string; text: string }> = [];

beforeAll(async () => {
  await loadPowerShell();
  for (const { topology, mode } of COMBINATIONS) {
    const site = SiteSchema.parse({ name: PLANTED, topology, defaults: { mode, usageLocation: 'US', license: 'Microsoft_Teams_Rooms_Pro', additionalResponse: PLANTED } });
    const plan = planRoom(room, site);
    for (const phase of plan.phases.filter((p) => p.runtime !== 'manual')) {
      scripts.push({ name: `${topology}/${mode}/${phase.runtime}`, text: generateScript({ site, runtime: phase.runtime, plans: [plan], generator: { name: PLANTED, version: PLANTED } }) });
    }
  }
});

/** Parameters and hashtable keys that carry a password (not settings such as PasswordNeverExpires). */
const PASSWORD_NAME = /^(RoomMailboxPassword|AccountPassword|Password|PasswordProfile|NewPassword|OldPassword)$/;
const STAND_INS = new Set(['$RoomPasswordSecret', '$RoomPasswordProfileSecret']);

describe('no password in a generated script', () => {
  it('never converts plain text to a SecureString, never passes a literal to a password parameter', () => {
    for (const { name, text } of scripts) {
      expect(text, name).not.toMatch(/ConvertTo-SecureString/i);
      expect(text, name).not.toMatch(/-AsPlainText/i);
      expect(text, name).not.toMatch(/-\w*Password:?\s*'/);
      expect(text, name).not.toMatch(/\w*Password\s*=\s*'/);
    }
  });

  it('gives every password parameter a stand-in that is resolved at run time', () => {
    let seen = 0;
    for (const { name, text } of scripts) {
      const tree = parse(text);
      const { functions } = regions(tree);
      for (const entry of nodesOfType(tree, 'hash_entry')) {
        const key = entry.namedChildren[0]!.text;
        if (!PASSWORD_NAME.test(key)) continue;
        const owner = functions.find((fn) => fn.startIndex <= entry.startIndex && entry.endIndex <= fn.endIndex)?.label;
        // The one place the real value is put in: the helper that resolves a stand-in after approval.
        if (owner === 'Resolve-RoomReadySecrets') continue;
        seen++;
        const value = entry.namedChildren[entry.namedChildren.length - 1]!.text;
        // $null: the room's empty password slot, filled at run time only.
        expect(STAND_INS.has(value) || value === '$null', `${name}: ${entry.text}`).toBe(true);
      }
      for (const call of invocations(tree)) for (const parameter of call.parameters) expect(PASSWORD_NAME.test(parameter), `${name}: ${call.name} -${parameter}`).toBe(false);
    }
    expect(seen).toBeGreaterThan(5);
  });

  it('asks with Read-Host -AsSecureString or reads a protected credential file, and defines the stand-ins without a value', () => {
    for (const { name, text } of scripts) {
      expect(text, name).toContain("Read-Host -AsSecureString -Prompt ('Password for the room account {0}' -f $Upn)");
      expect(text, name).toContain('Import-Clixml -LiteralPath $rrPath');
      expect(text, name).toContain("$RoomPasswordSecret = [pscustomobject]@{ RoomReadySecret = 'room-password' }");
      expect(text, name).toContain("$RoomPasswordProfileSecret = [pscustomobject]@{ RoomReadySecret = 'room-password-profile' }");
    }
  });

  it('the planted string shows up only where it was passed: as a value, never as a password', () => {
    for (const { name, text } of scripts) {
      const lines = text.split('\n').filter((line) => line.includes("Pa$$w0rd!Spring2024''"));
      expect(lines.length, name).toBeGreaterThan(0);
      for (const line of lines) expect(line, name).not.toMatch(/\b(RoomMailboxPassword|AccountPassword|Password|PasswordProfile)\s*=|-(RoomMailboxPassword|AccountPassword|Password|PasswordProfile)\b/);
    }
  });
});
