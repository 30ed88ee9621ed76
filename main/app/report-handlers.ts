// Reports, photos and sign-offs (issue 5): being built; every channel answers plainly until then.
import type { IpcHandlers } from '../../shared/ipc.ts';
import type { AppContext } from './context.ts';
import { AppError } from '../ipc.ts';

type ReportHandlers = Pick<IpcHandlers, 'rooms.record' | 'rooms.attachPhoto' | 'rooms.removePhoto' | 'reports.signOff' | 'reports.export'>;

export function reportHandlers(_ctx: AppContext): ReportHandlers {
  const notYet = async (): Promise<never> => {
    throw new AppError('internal', 'Reports are not available in this version yet.');
  };
  return { 'rooms.record': notYet, 'rooms.attachPhoto': notYet, 'rooms.removePhoto': notYet, 'reports.signOff': notYet, 'reports.export': notYet };
}
