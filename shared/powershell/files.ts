// File names and encoding of generated scripts. The lead's writer names and writes the files; this
// module says how, so every writer (CLI, app, site package) agrees.
import type { RoomPlan } from '../plan.ts';
import { RUNTIMES } from '../plan/runtimes.ts';
import type { Runtime } from '../plan/types.ts';

/**
 * `01-exchange-online.ps1`: the phase's 1-based position in plan.phases, then the runtime's file
 * stem. Manual phases keep their number (and get no file), so a gap shows where the manual task sits.
 */
export function scriptFileName(phaseIndex: number, runtime: Runtime): string {
  if (!Number.isSafeInteger(phaseIndex) || phaseIndex < 0 || phaseIndex > 98) throw new RangeError(`phase index ${phaseIndex} is not 0-98`);
  const info = RUNTIMES[runtime];
  if (info.manual) throw new Error(`the ${runtime} phase has no script (its number stays free)`);
  return `${String(phaseIndex + 1).padStart(2, '0')}-${info.fileStem}.ps1`;
}

/**
 * The phases of several rooms merged in order, for a site-wide set of scripts: each runtime once,
 * where it first appears. For one room this is plan.phases' runtimes. (Rooms of one topology and
 * mode share the order; rooms that skip a phase, e.g. without a licence, do not shift the others.)
 */
export function scriptPhases(plans: readonly RoomPlan[]): { phaseIndex: number; runtime: Runtime }[] {
  const order: Runtime[] = [];
  for (const plan of plans) {
    let last = -1;
    for (const phase of plan.phases) {
      const at = order.indexOf(phase.runtime);
      if (at === -1) order.splice(last + 1, 0, phase.runtime);
      last = at === -1 ? last + 1 : Math.max(last, at);
    }
  }
  return order.map((runtime, phaseIndex) => ({ phaseIndex, runtime }));
}

export const UTF8_BOM = '\uFEFF';

/**
 * Write every .ps1 file as UTF-8 WITH a byte order mark. Windows PowerShell 5.1 reads a BOM-less
 * file in the system's ANSI code page, so a room named "Besprechungsraum Zürich" or any emoji would
 * reach Exchange mangled (and, worse, a mis-decoded quote-like byte sequence could change how the
 * line parses). PowerShell 7 reads both. Line endings may stay "\n": both accept it.
 */
export const POWERSHELL_FILE_ENCODING_NOTE =
  'Write .ps1 files as UTF-8 with a byte order mark (withUtf8Bom(text), then write it as utf8): Windows PowerShell 5.1 reads BOM-less files in the ANSI code page and would mangle non-ASCII values.';

/** The text to write (as utf8) for a .ps1 file: the script with a leading BOM, added once. */
export function withUtf8Bom(text: string): string {
  return text.startsWith(UTF8_BOM) ? text : UTF8_BOM + text;
}
