// Time limits and a concurrency bound for network probes. A probe that runs out of time is a result
// ("no answer within 5 s"), never an exception that escapes: every probe goes through runProbe.

/** This probe's own limit ran out. */
export class ProbeTimeout extends Error {
  override name = 'ProbeTimeout';
  constructor(readonly ms: number) {
    super(`no answer within ${formatDuration(ms)}`);
  }
}

/** The whole network check ran out of time while this probe was still waiting. */
export class OverallTimeout extends Error {
  override name = 'OverallTimeout';
  constructor(readonly ms: number) {
    super(`the network check stopped after its overall limit of ${formatDuration(ms)}`);
  }
}

export interface ProbeFailure {
  kind: 'timeout' | 'cancelled' | 'error';
  /** e.g. ENOTFOUND, ECONNREFUSED, ECONNRESET. */
  code?: string;
  message: string;
}

export type ProbeOutcome<T> = { ok: true; value: T } | { ok: false; failure: ProbeFailure };

export function formatDuration(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

export function describeFailure(error: unknown): ProbeFailure {
  if (error instanceof ProbeTimeout || error instanceof OverallTimeout) return { kind: 'timeout', message: error.message };
  if (error instanceof Error && error.name === 'AbortError') return { kind: 'cancelled', message: 'cancelled before it finished' };
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code ? { kind: 'error', code, message } : { kind: 'error', message };
}

function abortError(): Error {
  const error = new Error('cancelled');
  error.name = 'AbortError';
  return error;
}

/** Why a signal was aborted, as the error a probe rejects with: a time limit, or else a cancel. */
export function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof ProbeTimeout || signal.reason instanceof OverallTimeout ? signal.reason : abortError();
}

/**
 * Runs `work` with its own time limit under `parent` (the user's cancel and the overall limit).
 * `work` should stop its sockets when its signal aborts; the race below returns on time regardless
 * (a DNS lookup, for one, cannot be stopped).
 */
export async function runProbe<T>(ms: number, parent: AbortSignal, work: (signal: AbortSignal) => Promise<T>): Promise<ProbeOutcome<T>> {
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(abortReason(parent));
  if (parent.aborted) onParentAbort();
  else parent.addEventListener('abort', onParentAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new ProbeTimeout(ms)), ms);
  try {
    const aborted = new Promise<never>((_, reject) => {
      if (controller.signal.aborted) reject(abortReason(controller.signal));
      controller.signal.addEventListener('abort', () => reject(abortReason(controller.signal)), { once: true });
    });
    aborted.catch(() => undefined);
    const value = await Promise.race([work(controller.signal), aborted]);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, failure: describeFailure(error) };
  } finally {
    clearTimeout(timer);
    parent.removeEventListener('abort', onParentAbort);
    controller.abort(abortError()); // stops whatever `work` left running
  }
}

/** Runs the tasks, at most `limit` at a time, and waits for all of them. */
export async function runBounded(tasks: readonly (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next++]!;
      await task();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker));
}
