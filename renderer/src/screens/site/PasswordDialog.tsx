// Sets one room's password: sent once with passwords.set, then the field is cleared. Only whether
// the room has a password is kept in the renderer.
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { call, type Failure } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { FailureMessage } from '../../components/FailureMessage.tsx';
import { t } from '../../strings/t.ts';

export interface PasswordDialogProps {
  /** Stays mounted: Fluent restores the page (aria-hidden, focus) only when a dialog closes, not when it vanishes. */
  open: boolean;
  siteId: string;
  upn: string;
  name: string;
  onClose: () => void;
  /** After main kept the password; its warnings (weak password, kept for this session only) are shown by the caller. */
  onSet: (warnings: string[]) => void;
}

export function PasswordDialog({ open, siteId, upn, name, onClose, onSet }: PasswordDialogProps) {
  const api = useApi();
  const announce = useAnnounce();
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    setPassword('');
    setFailure(null);
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const typed = password;
    setPassword('');
    setBusy(true);
    const result = await call(() => api.passwords.set({ siteId, upn, password: typed }));
    setBusy(false);
    if (!result.ok) {
      setFailure(result);
      return;
    }
    announce([t('password.done', { name }), ...result.data.warnings].join(' '));
    onSet(result.data.warnings);
    onClose();
  };

  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <form onSubmit={(event) => void submit(event)}>
          <DialogBody>
            <DialogTitle>{t('password.title', { name })}</DialogTitle>
            <DialogContent>
              <Field label={t('password.label')} hint={t('password.hint')}>
                <Input type="password" autoComplete="new-password" value={password} onChange={(_, data) => setPassword(data.value)} />
              </Field>
              <FailureMessage failure={failure} />
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" appearance="primary" disabled={busy || password === ''}>
                {t('password.set')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
