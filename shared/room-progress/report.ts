// The report stage: what an installer hands over, as three items: the validation report, the
// console checklist signed off (all its items done), and the installer's own sign-off.
import type { ChecklistItemView } from '../ipc.ts';
import type { ValidationInput } from './validation.ts';

export const INSTALLER_SIGN_OFF_ID = 'report:installer-sign-off';

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

export function reportItems(validation: ValidationInput | undefined, consoleItems: readonly ChecklistItemView[]): ChecklistItemView[] {
  return [
    validationReportItem(validation),
    consoleSignOffItem(consoleItems),
    {
      id: INSTALLER_SIGN_OFF_ID,
      title: 'Installer sign-off',
      state: 'manual',
      detail: 'The installer confirms the room works: a test meeting joined, audio and video checked, the console on its home screen.',
      manual: true,
    },
  ];
}
