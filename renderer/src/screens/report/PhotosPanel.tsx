// Photos as evidence for the room or one of its checklist items: a caption, what it documents, and
// a PNG or JPEG file (read here as bytes, checked again in main). Thumbnails with their captions,
// each removable.
import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useId, useState, type ChangeEvent } from 'react';
import type { RoomProgress, RoomRecord } from '../../../../shared/ipc.ts';
import { MAX_PHOTO_BASE64, PHOTO_MEDIA_TYPES } from '../../../../shared/report/schema.ts';
import { bytesToBase64 } from '../../api/base64.ts';
import { call, type Failure } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { FailureMessage } from '../../components/FailureMessage.tsx';
import { t } from '../../strings/t.ts';

type MediaType = (typeof PHOTO_MEDIA_TYPES)[number];
const MAX_BYTES = (MAX_PHOTO_BASE64 / 4) * 3;

/** The file's type by its name or the browser's guess; main checks the bytes themselves. */
function mediaTypeOf(file: File): MediaType | undefined {
  if ((PHOTO_MEDIA_TYPES as readonly string[]).includes(file.type)) return file.type as MediaType;
  if (/\.png$/i.test(file.name)) return 'image/png';
  if (/\.jpe?g$/i.test(file.name)) return 'image/jpeg';
  return undefined;
}

export interface PhotosPanelProps {
  siteId: string;
  upn: string;
  progress: RoomProgress;
  record: RoomRecord;
  onRecorded: (record: RoomRecord) => void;
}

export function PhotosPanel({ siteId, upn, progress, record, onRecorded }: PhotosPanelProps) {
  const api = useApi();
  const announce = useAnnounce();
  const fileId = useId();
  const [caption, setCaption] = useState('');
  const [itemId, setItemId] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const items = progress.stages.flatMap((stage) => stage.items.map((item) => ({ id: item.id, title: `${stage.title}: ${item.title}` })));
  const itemTitle = (id: string | undefined) => (id === undefined ? t('report.photos.wholeRoom') : (items.find((item) => item.id === id)?.title ?? id));
  const shown = (text: string) => text || t('report.photos.untitled');

  const attach = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const mediaType = mediaTypeOf(file);
    if (!mediaType) return setFailure({ ok: false, code: 'bad-file', message: t('report.photos.notImage', { file: file.name }) });
    if (file.size > MAX_BYTES) return setFailure({ ok: false, code: 'bad-file', message: t('report.photos.tooLarge', { file: file.name }) });
    const text = caption.trim() || file.name;
    setBusy(true);
    const base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
    const result = await call(() => api.rooms.attachPhoto({ siteId, upn, ...(itemId ? { itemId } : {}), caption: text, mediaType, base64 }));
    setBusy(false);
    if (result.ok) {
      setFailure(null);
      setCaption('');
      onRecorded(result.data);
      announce(t('report.photos.attached', { caption: text }));
    } else setFailure(result);
  };

  const remove = async (photoId: string, text: string) => {
    const result = await call(() => api.rooms.removePhoto({ siteId, upn, photoId }));
    if (result.ok) {
      setFailure(null);
      onRecorded(result.data);
      announce(t('report.photos.removed', { caption: shown(text) }));
    } else setFailure(result);
  };

  return (
    <section className="card photos" aria-labelledby="photos-title">
      <h3 id="photos-title">{t('report.photos.title')}</h3>
      <p className="muted">{t('report.photos.hint')}</p>
      <div className="photo-form">
        <Field label={t('report.photos.caption')}>
          <Input value={caption} maxLength={500} onChange={(_, data) => setCaption(data.value)} />
        </Field>
        <Field label={t('report.photos.documents')}>
          <Select value={itemId} onChange={(_, data) => setItemId(data.value)}>
            <option value="">{t('report.photos.wholeRoom')}</option>
            {items.map((item) => (
              <option key={item.id} value={item.id}>
                {item.title}
              </option>
            ))}
          </Select>
        </Field>
        <div className="file-field">
          <label htmlFor={fileId}>{t('report.photos.file')}</label>
          <input id={fileId} type="file" accept="image/png,image/jpeg,.png,.jpg,.jpeg" disabled={busy} onChange={(event) => void attach(event)} />
        </div>
      </div>
      <FailureMessage failure={failure} />
      {record.photos.length === 0 ? (
        <p>{t('report.photos.none')}</p>
      ) : (
        <ul className="photo-list">
          {record.photos.map((photo) => (
            <li key={photo.id} className="photo">
              <figure>
                <img src={`data:${photo.mediaType};base64,${photo.data}`} alt={t('report.photos.alt', { caption: shown(photo.caption) })} />
                <figcaption>
                  <span>{shown(photo.caption)}</span>
                  <span className="muted">{t('report.photos.of', { item: itemTitle(photo.itemId) })}</span>
                </figcaption>
              </figure>
              <Button size="small" aria-label={t('report.photos.remove', { caption: shown(photo.caption) })} onClick={() => void remove(photo.id, photo.caption)}>
                {t('common.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
