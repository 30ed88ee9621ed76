// The sign-in outcomes as data: every outcome explained, each AADSTS code meaning one outcome, in
// agreement with the admin-facing table, and the Teams Rooms SKUs taken from shared/licenses.ts.
import { describe, expect, it } from 'vitest';
import { SIGN_IN_ERRORS } from '../../../main/auth/permission-table.ts';
import { NOT_ROOM_LICENSES, ROOM_LICENSES, USER_SUITE_LICENSES } from '../../../shared/licenses.ts';
import { SIGN_IN_OUTCOMES, type SignInOutcome } from '../../../shared/onsite/results.ts';
import { isTeamsRoomsLicence, outcomeOfAadsts, SIGN_IN_OUTCOME_INFO, TEAMS_ROOMS_SKUS } from '../../../shared/onsite/sign-in-outcomes.ts';

describe('sign-in outcomes', () => {
  it('explains every outcome; only a sign-in with a licence passes and needs no remedy', () => {
    expect(Object.keys(SIGN_IN_OUTCOME_INFO).sort()).toEqual([...SIGN_IN_OUTCOMES].sort());
    for (const outcome of SIGN_IN_OUTCOMES) {
      const info = SIGN_IN_OUTCOME_INFO[outcome];
      expect(info.explanation.length, outcome).toBeGreaterThan(20);
      expect(info.status === 'passed', outcome).toBe(outcome === 'signed-in');
      expect(info.remedy === '', outcome).toBe(outcome === 'signed-in');
    }
  });

  it('maps each AADSTS code to exactly one outcome', () => {
    const codes = SIGN_IN_OUTCOMES.flatMap((outcome) => SIGN_IN_OUTCOME_INFO[outcome].aadsts);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^AADSTS\d{5,7}$/);
    const expected: Record<string, SignInOutcome> = {
      AADSTS50126: 'wrong-password',
      AADSTS50055: 'password-expired',
      AADSTS50076: 'mfa-required',
      AADSTS50079: 'mfa-required',
      AADSTS50074: 'mfa-required',
      AADSTS53003: 'blocked-by-conditional-access',
      AADSTS53000: 'blocked-by-conditional-access',
      AADSTS53001: 'blocked-by-conditional-access',
      AADSTS50057: 'account-disabled',
      AADSTS50053: 'account-locked',
      AADSTS50034: 'account-not-found',
    };
    for (const [code, outcome] of Object.entries(expected)) {
      expect(outcomeOfAadsts(code)).toBe(outcome);
      expect(outcomeOfAadsts(code.toLowerCase())).toBe(outcome);
    }
    expect(outcomeOfAadsts('AADSTS700016')).toBeUndefined();
    expect(outcomeOfAadsts(undefined)).toBeUndefined();
  });

  it("agrees with the admin's table on what kind of problem each shared code is", () => {
    const kind: Partial<Record<SignInOutcome, string>> = {
      'wrong-password': 'account',
      'password-expired': 'account',
      'account-disabled': 'account',
      'account-locked': 'account',
      'account-not-found': 'account',
      'mfa-required': 'interactive-sign-in',
      'blocked-by-conditional-access': 'policy',
    };
    let shared = 0;
    for (const outcome of SIGN_IN_OUTCOMES) {
      for (const code of SIGN_IN_OUTCOME_INFO[outcome].aadsts) {
        const admin = SIGN_IN_ERRORS[code];
        if (!admin) continue;
        shared += 1;
        expect(admin.fix, code).toBe(kind[outcome]);
      }
    }
    expect(shared).toBeGreaterThanOrEqual(10);
  });
});

describe('Teams Rooms licences', () => {
  it('are the room SKUs of shared/licenses.ts that are not retired', () => {
    expect(TEAMS_ROOMS_SKUS).toEqual(ROOM_LICENSES.filter((sku) => sku.status !== 'retired').map((sku) => sku.partNumber));
    expect(TEAMS_ROOMS_SKUS).toEqual(expect.arrayContaining(['Microsoft_Teams_Rooms_Pro', 'Microsoft_Teams_Rooms_Basic', 'MEETING_ROOM']));
    expect(TEAMS_ROOMS_SKUS).not.toContain('MCOSTANDARD');
    for (const other of [...Object.keys(NOT_ROOM_LICENSES), ...Object.keys(USER_SUITE_LICENSES)]) expect(isTeamsRoomsLicence(other)).toBe(false);
  });

  it('match without case, and only the expected ones when a site names them', () => {
    expect(isTeamsRoomsLicence('microsoft_teams_rooms_pro')).toBe(true);
    expect(isTeamsRoomsLicence('Microsoft_Teams_Rooms_Basic', ['Microsoft_Teams_Rooms_Pro'])).toBe(false);
    expect(isTeamsRoomsLicence('MICROSOFT_TEAMS_ROOMS_PRO', ['Microsoft_Teams_Rooms_Pro'])).toBe(true);
    // A site's licence may be typed as the SKU GUID or in MSOnline's "tenant:PART" form.
    expect(isTeamsRoomsLicence('Microsoft_Teams_Rooms_Pro', ['4cde982a-ede4-4409-9ae6-b003453c8ea6'])).toBe(true);
    expect(isTeamsRoomsLicence('Microsoft_Teams_Rooms_Pro', ['contoso:Microsoft_Teams_Rooms_Pro'])).toBe(true);
    expect(isTeamsRoomsLicence('Microsoft_Teams_Rooms_Basic', ['4cde982a-ede4-4409-9ae6-b003453c8ea6'])).toBe(false);
  });
});
