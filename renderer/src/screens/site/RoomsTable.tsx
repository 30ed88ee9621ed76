// The rooms table: selection, a state chip per stage, password and the model's findings. Built to stay
// fast with thousands of rooms: native elements only in rows, memoised rows, and rows off screen
// skipped by the browser (CSS content-visibility on an ARIA table laid out with grid).
import { memo, useCallback } from 'react';
import type { RoomStage, RoomSummary } from '../../../../shared/ipc.ts';
import { StateBadge } from '../../components/StateBadge.tsx';
import { t } from '../../strings/t.ts';

/** The stages shown as chips (the rail's topology and validate stages are left to the Room screen). */
export const TABLE_STAGES = ['account', 'exchange', 'calendar', 'license', 'meetings', 'console', 'report'] as const satisfies readonly RoomStage[];

export interface RoomsTableProps {
  rooms: readonly RoomSummary[];
  selected: ReadonlySet<string>;
  onToggle: (upn: string, on: boolean) => void;
  onToggleAll: (on: boolean) => void;
  onOpen: (upn: string) => void;
  onEdit: (upn: string) => void;
  onPassword: (upn: string) => void;
}

export function RoomsTable({ rooms, selected, onToggle, onToggleAll, onOpen, onEdit, onPassword }: RoomsTableProps) {
  const allSelected = rooms.length > 0 && selected.size === rooms.length;
  const toggle = useCallback((upn: string, on: boolean) => onToggle(upn, on), [onToggle]);
  return (
    <div className="rooms-table-scroll">
      <div role="table" aria-label={t('rooms.table')} aria-rowcount={rooms.length + 1} className="rooms-table">
        <div role="rowgroup" className="rooms-head">
          <div role="row" className="rooms-row rooms-row-head">
            <div role="columnheader" className="cell-select">
              <input
                type="checkbox"
                aria-label={t('rooms.selectAll')}
                checked={allSelected}
                ref={(input) => {
                  if (input) input.indeterminate = selected.size > 0 && !allSelected;
                }}
                onChange={(event) => onToggleAll(event.target.checked)}
              />
            </div>
            <div role="columnheader">{t('rooms.col.room')}</div>
            {TABLE_STAGES.map((stage) => (
              <div role="columnheader" key={stage}>
                {t(`stage.${stage}`)}
              </div>
            ))}
            <div role="columnheader">{t('rooms.col.password')}</div>
            <div role="columnheader">{t('rooms.col.findings')}</div>
            <div role="columnheader">{t('rooms.col.actions')}</div>
          </div>
        </div>
        <div role="rowgroup">
          {rooms.map((room, index) => (
            <RoomRow
              key={room.upn}
              room={room}
              index={index + 2}
              selected={selected.has(room.upn)}
              onToggle={toggle}
              onOpen={onOpen}
              onEdit={onEdit}
              onPassword={onPassword}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

interface RoomRowProps {
  room: RoomSummary;
  index: number;
  selected: boolean;
  onToggle: (upn: string, on: boolean) => void;
  onOpen: (upn: string) => void;
  onEdit: (upn: string) => void;
  onPassword: (upn: string) => void;
}

const RoomRow = memo(function RoomRow({ room, index, selected, onToggle, onOpen, onEdit, onPassword }: RoomRowProps) {
  const errors = room.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = room.findings.length - errors;
  return (
    <div role="row" aria-rowindex={index} className={selected ? 'rooms-row selected' : 'rooms-row'}>
      <div role="cell" className="cell-select">
        <input type="checkbox" aria-label={t('rooms.selectRoom', { name: room.displayName })} checked={selected} onChange={(event) => onToggle(room.upn, event.target.checked)} />
      </div>
      <div role="cell" className="cell-room">
        <button type="button" className="link-button" aria-label={t('rooms.open', { name: room.displayName })} onClick={() => onOpen(room.upn)}>
          {room.displayName}
        </button>
        <span className="upn">{room.upn}</span>
      </div>
      {TABLE_STAGES.map((stage) => (
        <div role="cell" key={stage}>
          <StateBadge state={room.stages[stage] ?? 'unknown'} compact />
        </div>
      ))}
      <div role="cell">{room.hasPassword ? t('rooms.hasPassword') : t('rooms.noPassword')}</div>
      <div role="cell" className="cell-findings">
        {room.findings.length === 0 ? (
          t('rooms.findings.none')
        ) : (
          <details>
            <summary className={errors > 0 ? 'findings-error' : 'findings-warning'}>{t('rooms.findings.count', { errors, warnings })}</summary>
            <ul>
              {room.findings.map((finding, i) => (
                <li key={i}>{t('common.fieldIssue', { field: finding.field, message: finding.message })}</li>
              ))}
            </ul>
          </details>
        )}
      </div>
      <div role="cell" className="cell-actions">
        <button type="button" className="row-button" aria-label={t('rooms.editNamed', { name: room.displayName })} onClick={() => onEdit(room.upn)}>
          {t('rooms.edit')}
        </button>
        <button type="button" className="row-button" aria-label={t('rooms.setPasswordNamed', { name: room.displayName })} onClick={() => onPassword(room.upn)}>
          {t('rooms.setPassword')}
        </button>
      </div>
    </div>
  );
});
