// The console stage's on-site items: one per tool (network, room sign-in, certificates, console
// configuration), from what the tool recorded for the room. Never run, an item is a task for the
// installer (manual, so "not needed here" can be marked with a note); once run, its findings decide.
import type { ChecklistItemView, ItemState } from '../ipc.ts';
import { countChecks, ONSITE_TOOLS, toolOfCheck, type OnSiteCheck, type OnSiteTool } from '../onsite/results.ts';
import { worstState } from './stages.ts';

export const onSiteItemId = (tool: OnSiteTool): string => `onsite:${tool}`;

interface ToolItem {
  title: string;
  /** What to do while the tool has not run for the room. */
  notRun: string;
  /** Whether only the newest finding counts (a later step supersedes an earlier one). */
  newestOnly?: boolean;
}

const TOOL_ITEMS: Record<OnSiteTool, ToolItem> = {
  network: { title: 'Network readiness checked at the console', notRun: 'Run the network checks in on-site mode: DNS, TCP and TLS to Microsoft 365, STUN to the media relays, the clock and the proxy.' },
  'sign-in': { title: 'Room account signs in', notRun: 'Run the room sign-in test in on-site mode: it signs in with the room password as the console does.' },
  certificate: {
    title: 'Certificates checked (private CA)',
    notRun: 'Needed when the network inspects TLS or Skype for Business Server uses a private CA: inspect its certificates in on-site mode, or mark this done as not needed.',
  },
  // Applying leaves the outcome open until the confirmation after the restart says the app took the files.
  'console-config': { title: 'Console configuration applied and taken', notRun: 'Apply the console configuration in on-site mode (or export it for a USB stick), restart the app, then confirm.', newestOnly: true },
};

function newest(checks: readonly OnSiteCheck[]): OnSiteCheck {
  return checks.reduce((latest, check) => (check.at > latest.at ? check : latest));
}

function toolItem(tool: OnSiteTool, checks: readonly OnSiteCheck[]): ChecklistItemView {
  const { title, notRun, newestOnly } = TOOL_ITEMS[tool];
  const id = onSiteItemId(tool);
  if (checks.length === 0) return { id, title, state: 'manual', detail: notRun, manual: true };
  const counted = newestOnly ? [newest(checks)] : checks;
  const state: ItemState = worstState(counted.map((check) => check.status));
  const counts = countChecks(counted);
  const problems = counted.filter((check) => check.status === 'failed' || check.status === 'warning');
  const summary =
    counted.length === 1
      ? counted[0]!.detail
      : `${counts.passed} passed, ${counts.failed} failed, ${counts.warning} with a warning, ${counts.unknown} unknown${problems.length > 0 ? `: ${problems.map((check) => check.title).join('; ')}` : ''}.`;
  const remedy = problems.find((check) => check.remedy !== undefined)?.remedy ?? (state === 'unknown' ? counted.find((check) => check.remedy !== undefined)?.remedy : undefined);
  return {
    id,
    title,
    state,
    detail: `${summary} (Last run ${newest(checks).at}.)`,
    ...(remedy ? { remediation: { text: remedy } } : {}),
    manual: false,
  };
}

/** Always one item per tool, in ONSITE_TOOLS order. */
export function onSiteItems(checks: readonly OnSiteCheck[] = []): ChecklistItemView[] {
  return ONSITE_TOOLS.map((tool) =>
    toolItem(
      tool,
      checks.filter((check) => toolOfCheck(check.id) === tool),
    ),
  );
}
