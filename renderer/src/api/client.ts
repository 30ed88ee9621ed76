// Calls through window.roomready never throw into the UI: a rejected promise (the bridge itself
// failed) becomes an ordinary failure with a plain message.
import type { IpcResult, RoomReadyApi } from '../../../shared/ipc.ts';
import { t } from '../strings/t.ts';

export type Api = RoomReadyApi;
export type Failure = Extract<IpcResult<unknown>, { ok: false }>;

export async function call<T>(request: () => Promise<IpcResult<T>>): Promise<IpcResult<T>> {
  try {
    const result = await request();
    if (result && typeof result === 'object' && 'ok' in result) return result;
  } catch {
    // fall through: the bridge failed, not the handler
  }
  return { ok: false, code: 'internal', message: t('common.unexpected') };
}
