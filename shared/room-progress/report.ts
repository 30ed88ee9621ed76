// The report stage: what an installer hands over, as four items: the validation report, the
// console checklist signed off (all its items done), and the installer's and the customer's
// sign-offs (passed once the room's record holds that party's sign-off).
import type { ChecklistItemView } from '../ipc.ts';
import type { SignOff, SignOffParty } from '../report/schema.ts';
import type { ValidationInput } from './validation.ts';

export const INSTALLER_SIGN_OFF_ID = 'report:installer-sign-off';
export const CUSTOMER_SIGN_OFF_ID = 'report:customer-sign-off';

/** The sign-offs as the report stage needs them (a party's name, role, date and when). */
export type SignOffInput = Pick<SignOff, 'party' | 'name' | 'role' | 'date' | 'signedAt'>;

const SIGN_OFF_ITEMS: Record<SignOffParty, { id: string; title: string; detail: string }> = {
  installer: {
    id: INSTALLER_SIGN_OFF_ID,
    title: 'Installer sign-off',
    detail: 'The installer confirms the room works: a test meeting joined, audio and video checked, the console on its home screen.',
  },
  customer: {
    id: CUSTOMER_SIGN_OFF_ID,
    title: 'Customer sign-off',
    detail: "The customer's representative accepts the room as handed over.",
  },
};

/**
 * Passed once the record holds the party's sign-off (then it is the record's, not a mark's: not
 * manual); manual until then (a mark on the item still passes it, as before sign-offs were recorded).
 */
function signOffItem(party: SignOffParty, signOffs: readonly SignOffInput[]): ChecklistItemView {
  const { id, title, detail } = SIGN_OFF_ITEMS[party];
  const signed = signOffs.find((signOff) => signOff.party === party);
  if (!signed) return { id, title, state: 'manual', detail, manual: true };
  return { id, title, state: 'passed', detail: `Signed by ${signed.name} (${signed.role}) on ${signed.date}.`, manual: false, doneAt: signed.signedAt };
}

function validationReportItem(validation: ValidationInput | undefined): ChecklistItemView {
  const base = { id: 'report:validation', title: 'Validation report available', manual: false };
  if (!validation) return { ...base, state: 'pending', detail: 'Run validation to produce the report.' };
  const failed = validation.results.filter((result) => result.status === 'failed').length;
  const total = validation.results.length;
  if (failed > 0) {
    return { ...base, state: 'failed', detail: `${failed} of ${total} checks failed in the validation of ${validation.generatedAt}.`, remediation: { text: 'Fix what the validate stage lists, then validate again.' } };
  }
  return { ...base, state: 'passed', detail: `Validated ${validation.generatedAt}: no check failed (${total} results).` };
}

/**
 * Passed once every console item is done. It is a manual item too: an installer may sign the
 * checklist off by hand (a mark on this id) when an item does not apply to the room.
 */
function consoleSignOffItem(consoleItems: readonly ChecklistItemView[]): ChecklistItemView {
  const done = consoleItems.filter((item) => item.state === 'passed').length;
  const base = { id: 'report:console-signed-off', title: 'Console checklist signed off', manual: true };
  if (consoleItems.length > 0 && done === consoleItems.length) return { ...base, state: 'passed', detail: `All ${done} console items are done.` };
  return { ...base, state: 'manual', detail: `${done} of ${consoleItems.length} console items done.` };
}

export function reportItems(
  validation: ValidationInput | undefined,
  consoleItems: readonly ChecklistItemView[],
  signOffs: readonly SignOffInput[] = [],
): ChecklistItemView[] {
  return [validationReportItem(validation), consoleSignOffItem(consoleItems), signOffItem('installer', signOffs), signOffItem('customer', signOffs)];
}
