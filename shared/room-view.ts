// A room's stages as checklists, as the renderer shows them and reports record them: the shapes
// shared by the IPC contract (shared/ipc.ts) and the report schema (shared/report/schema.ts).
import { z } from 'zod';

/** The stages of a room, in the order of the Room screen's left rail. */
export const ROOM_STAGES = ['topology', 'account', 'exchange', 'calendar', 'license', 'meetings', 'validate', 'console', 'report'] as const;
export type RoomStage = (typeof ROOM_STAGES)[number];

/** The state of a checklist item, a stage or a room. */
export const ITEM_STATES = ['pending', 'running', 'passed', 'warning', 'failed', 'manual', 'unknown'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export const RemediationViewSchema = z.strictObject({
  text: z.string(),
  runIn: z.string().optional(),
  powershell: z.string().optional(),
  portal: z.string().optional(),
});

export const ChecklistItemViewSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  state: z.enum(ITEM_STATES),
  /** One sentence: what was found or what will happen. */
  detail: z.string().optional(),
  /** What was observed against what is expected, when a check or step read it. */
  evidence: z.strictObject({ observed: z.json(), expected: z.json() }).optional(),
  remediation: RemediationViewSchema.optional(),
  /** A person does it (on-premises without PowerShell, a console screen); it can be marked done. */
  manual: z.boolean(),
  /** The value to type on a console screen, when there is one. */
  value: z.string().optional(),
  note: z.string().optional(),
  doneAt: z.string().optional(),
});
export type ChecklistItemView = z.infer<typeof ChecklistItemViewSchema>;

export const StageViewSchema = z.strictObject({
  id: z.enum(ROOM_STAGES),
  title: z.string(),
  state: z.enum(ITEM_STATES),
  items: z.array(ChecklistItemViewSchema),
});
export type StageView = z.infer<typeof StageViewSchema>;
