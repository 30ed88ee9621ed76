// A checklist item's, stage's or room's state as icon + text (never colour alone).
import type { ItemState } from '../../../shared/ipc.ts';
import { t } from '../strings/t.ts';

export const STATE_ICONS: Readonly<Record<ItemState, string>> = {
  pending: '○',
  running: '◔',
  passed: '✓',
  warning: '!',
  failed: '✕',
  manual: '✎',
  unknown: '?',
};

export function StateBadge({ state, compact = false }: { state: ItemState; compact?: boolean }) {
  return (
    <span className={`state state-${state}${compact ? ' state-compact' : ''}`}>
      <span className="state-icon" aria-hidden="true">
        {STATE_ICONS[state]}
      </span>
      {t(`state.${state}`)}
    </span>
  );
}
