// One handler per channel of shared/ipc.ts, behind one wrapper: the sender must be the app's own
// window, the payload must match the channel's input schema, and whatever happens the renderer gets
// `{ ok: true, data }` or `{ ok: false, code, message }` (an Error thrown across IPC loses its type
// and may carry a stack). This file does not import electron: index.ts hands it ipcMain, and the
// browser tests' loopback bridge calls `dispatch` directly, so both run the very same checks.
import type { z } from 'zod';
import { IPC_CHANNELS, IPC_CONTRACT, IPC_EVENT_SCHEMAS, ipcWireName, type EventPayload, type FieldIssue, type IpcChannel, type IpcErrorCode, type IpcEvent, type IpcHandlers, type IpcResult } from '../shared/ipc.ts';
import { redactSecrets } from './auth/redact.ts';

/** An error a handler throws on purpose: its code and message reach the renderer as they are. */
export class AppError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

const isChannel = (value: unknown): value is IpcChannel => typeof value === 'string' && (IPC_CHANNELS as readonly string[]).includes(value);

/** `rooms[3].upn: Invalid email` -> names the field, never echoes a value (it might be a password). */
function describeIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length === 0 ? '(payload)' : issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : String(key))).join('.').replace(/\.\[/g, '['),
    message: issue.message,
  }));
}

function failure(code: IpcErrorCode, message: string, issues?: FieldIssue[]): IpcResult<never> {
  return issues && issues.length > 0 ? { ok: false, code, message, issues } : { ok: false, code, message };
}

export interface DispatchOptions {
  /** Where unexpected failures are logged (with their stack, in main only). */
  log?: (message: string) => void;
}

/** Validates, runs, and wraps one request. Never throws. */
export async function dispatch(handlers: IpcHandlers, channel: unknown, payload: unknown, options: DispatchOptions = {}): Promise<IpcResult<unknown>> {
  if (!isChannel(channel)) return failure('unknown-channel', `There is no channel named ${JSON.stringify(String(channel)).slice(0, 80)}.`);
  const contract = IPC_CONTRACT[channel];
  const parsed = contract.input.safeParse(payload);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    return failure('invalid-input', `${channel}: the request does not match what the channel expects (${issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ')}).`, issues);
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    const data = await handler(parsed.data);
    const checked = contract.output.safeParse(data);
    if (!checked.success) {
      options.log?.(`${channel}: the handler's answer does not match the contract: ${describeIssues(checked.error).map((issue) => `${issue.field}: ${issue.message}`).join('; ')}`);
      return failure('internal', `${channel}: RoomReady made an answer it cannot send. This is a bug; the details are in the log.`);
    }
    return { ok: true, data: checked.data };
  } catch (error) {
    if (error instanceof AppError) return failure(error.code, redactSecrets(error.message), error.issues);
    options.log?.(`${channel} failed: ${redactSecrets(error instanceof Error ? (error.stack ?? error.message) : String(error))}`);
    const message = error instanceof Error ? redactSecrets(error.message) : 'an unexpected error';
    return failure('internal', `${channel} failed: ${message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Electron registration (types of the few members used, so this file needs no electron import)

export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}
export interface InvokeEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: SenderFrame | null;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, payload: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** Is this the app's own page: the main window's top frame, loaded from the app's origin? */
export type SenderCheck = (event: InvokeEventLike) => boolean;

export function appWindowSenderCheck(appOrigin: string, isAppWindow: (webContentsId: number) => boolean): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (frame === null || frame.parent !== null) return false; // a destroyed frame, or an iframe
    let origin: string;
    try {
      origin = new URL(frame.url).origin;
    } catch {
      return false;
    }
    // app:// is not a special scheme to the URL parser, whose origin is then "null": compare by prefix.
    const sameOrigin = origin === appOrigin || frame.url.startsWith(`${appOrigin}/`);
    return sameOrigin && isAppWindow(event.sender.id);
  };
}

/** Registers every channel; returns a function that removes them all. */
export function registerIpcHandlers(ipcMain: IpcMainLike, handlers: IpcHandlers, isTrustedSender: SenderCheck, options: DispatchOptions = {}): () => void {
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(ipcWireName(channel), async (event, payload) => {
      if (!isTrustedSender(event)) {
        options.log?.(`Refused ${channel} from ${event.senderFrame?.url ?? 'a destroyed frame'}: not the app's window.`);
        return failure('forbidden-sender', 'This request did not come from the RoomReady window.');
      }
      return dispatch(handlers, channel, payload, options);
    });
  }
  return () => {
    for (const channel of IPC_CHANNELS) ipcMain.removeHandler(ipcWireName(channel));
  };
}

/** Checks an event's payload against its schema before it leaves main. */
export function eventPayload<E extends IpcEvent>(event: E, payload: EventPayload<E>): EventPayload<E> {
  return IPC_EVENT_SCHEMAS[event].parse(payload) as EventPayload<E>;
}
