// Add or edit a room: every field of RoomSchema, the model's findings (checkRoom) next to their
// fields as you type, and main's `invalid-room` issues after saving.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Select,
} from '@fluentui/react-components';
import { useMemo, useState, type FormEvent } from 'react';
import type { SiteView } from '../../../../shared/ipc.ts';
import { checkRoom, type Room, type RoomField } from '../../../../shared/model.ts';
import { call, type Failure } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { FailureMessage } from '../../components/FailureMessage.tsx';
import { t } from '../../strings/t.ts';
import { draftOf, ROOM_FIELD_GROUPS, roomOf, type RoomDraft, type RoomFieldSpec } from './room-fields.ts';

export interface RoomDialogProps {
  /** Stays mounted: Fluent restores the page (aria-hidden, focus) only when a dialog closes, not when it vanishes. */
  open: boolean;
  view: SiteView;
  /** The room being edited; undefined to add one. */
  room: Room | undefined;
  onClose: () => void;
  onSaved: (view: SiteView) => void;
}

export function RoomDialog({ open, view, room, onClose, onSaved }: RoomDialogProps) {
  const [session, setSession] = useState(0);
  const [shown, setShown] = useState<Room | undefined>(room);
  const [wasOpen, setWasOpen] = useState(false);
  // A fresh form each time the dialog opens; while it animates closed it keeps showing the same room.
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setShown(room);
      setSession((value) => value + 1);
    }
  }
  const title = shown ? t('roomDialog.editTitle', { name: shown.displayName }) : t('roomDialog.addTitle');
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onClose()} modalType="modal">
      <DialogSurface className="room-dialog" aria-describedby={undefined}>
        <RoomForm key={session} view={view} room={shown} title={title} onClose={onClose} onSaved={onSaved} />
      </DialogSurface>
    </Dialog>
  );
}

function RoomForm({ view, room, title, onClose, onSaved }: Omit<RoomDialogProps, 'open'> & { title: string }) {
  const api = useApi();
  const announce = useAnnounce();
  const [draft, setDraft] = useState<RoomDraft>(() => draftOf(room));
  const [touched, setTouched] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  const { room: candidate, problems } = useMemo(() => roomOf(draft), [draft]);
  const findings = useMemo(() => {
    const byField = new Map<string, { severity: 'error' | 'warning'; message: string }[]>();
    const add = (field: string, severity: 'error' | 'warning', message: string) => byField.set(field, [...(byField.get(field) ?? []), { severity, message }]);
    for (const [field, key] of Object.entries(problems)) add(field, 'error', t(key));
    if (candidate.upn && candidate.displayName) {
      for (const finding of checkRoom(candidate, view.site)) add(finding.field, finding.severity, finding.message);
    }
    for (const issue of failure?.issues ?? []) add(issue.field.replace(/^room\./, ''), 'error', issue.message);
    return byField;
  }, [candidate, problems, view.site, failure]);

  const setField = (name: RoomField, value: string) => {
    setTouched(true);
    setDraft((previous) => ({ ...previous, [name]: value }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await call(() => api.rooms.save({ siteId: view.id, room: candidate, ...(room ? { replaceUpn: room.upn } : {}) }));
    setBusy(false);
    if (result.ok) {
      announce(t('roomDialog.saved', { name: candidate.displayName }));
      onSaved(result.data);
      onClose();
    } else setFailure(result);
  };

  const renderField = (spec: RoomFieldSpec) => {
    const list = findings.get(spec.name) ?? [];
    const showErrors = touched || failure !== null || room !== undefined;
    const error = list.find((finding) => finding.severity === 'error');
    const warning = list.find((finding) => finding.severity === 'warning');
    const shown = showErrors ? (error ?? warning) : undefined;
    const value = draft[spec.name] ?? '';
    return (
      <Field
        key={spec.name}
        label={t(`field.${spec.name}`)}
        required={spec.required}
        validationState={shown ? (shown.severity === 'error' ? 'error' : 'warning') : 'none'}
        validationMessage={shown?.message}
      >
        {spec.kind === 'select' ? (
          <Select value={value} onChange={(_, data) => setField(spec.name, data.value)}>
            <option value="">{t('roomDialog.default')}</option>
            {spec.options?.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        ) : (
          <Input
            value={value}
            type={spec.kind === 'number' ? 'number' : 'text'}
            placeholder={spec.placeholder}
            onChange={(_, data) => setField(spec.name, data.value)}
          />
        )}
      </Field>
    );
  };

  return (
        <form onSubmit={(event) => void submit(event)}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className="room-dialog-content">
              {ROOM_FIELD_GROUPS.map((group) => (
                <fieldset key={group.title} className="fieldset">
                  <legend>{t(group.title)}</legend>
                  <div className="field-grid">{group.fields.map(renderField)}</div>
                </fieldset>
              ))}
              <FailureMessage failure={failure} />
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" appearance="primary" disabled={busy || Object.keys(problems).length > 0}>
                {t('roomDialog.save')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
  );
}
